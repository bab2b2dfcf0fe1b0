/*
 * secret_shape.c - the shapes of values that are never secrets (paths,
 * URLs without credentials, e-mail addresses, AWS resource IDs, model
 * IDs, regexes, versions), and the machine-generated-looking test.
 */
#include <string.h>

#include "acl/secret.h"
#include "secret_int.h"

/* "scheme://host/..." without a password in its authority. */
static int
url_without_password(const char *s, size_t n)
{
    size_t i = 0, end;
    const char *at;

    while (i < n && (sec_alnum((unsigned char)s[i]) || s[i] == '+' ||
                     s[i] == '.' || s[i] == '-'))
        i++;
    if (i == 0 || !sec_alpha((unsigned char)s[0]) || n - i < 3 ||
        memcmp(s + i, "://", 3) != 0)
        return 0;
    i += 3;
    for (end = i; end < n && !strchr("/?#", s[end]); end++)
        ;
    at = memchr(s + i, '@', end - i);
    return at == NULL || memchr(s + i, ':', (size_t)(at - (s + i))) == NULL;
}

/* "api.openai.com", "db.internal:5432/app": lower-case labels with a
 * dot and an alphabetic last label. */
static int
host_like(const char *s, size_t n)
{
    size_t i, dots = 0, label = 0, alpha_label = 1;

    for (i = 0; i < n && s[i] != ':' && s[i] != '/'; i++) {
        int c = (unsigned char)s[i];

        if (c == '.') {
            if (label == 0)
                return 0;
            dots++;
            label = 0;
            alpha_label = 1;
        } else if (sec_lower(c) || sec_digit(c) || c == '-') {
            label++;
            alpha_label &= sec_lower(c) || c == '-';
        } else {
            return 0;
        }
    }
    return dots > 0 && label >= 2 && alpha_label;
}

static int
ends_ci(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);

    return n > k && acl_secret_eq_ci(s + n - k, k, suffix);
}

/* "easeapply.db", "uploads/a1/paper.pdf", "model.onnx". */
static int
file_name(const char *s, size_t n)
{
    static const char *const ext[] = {
        ".db",          ".sqlite", ".json",    ".jsonl", ".yaml", ".yml",
        ".txt",         ".csv",    ".pdf",     ".png",   ".jpg",  ".jpeg",
        ".gif",         ".svg",    ".md",      ".html",  ".xml",  ".pem",
        ".key",         ".crt",    ".cer",     ".p12",   ".pfx",  ".jks",
        ".py",          ".js",     ".ts",      ".sh",    ".zip",  ".gz",
        ".tar",         ".log",    ".parquet", ".env",   ".cfg",  ".conf",
        ".ini",         ".toml",   ".bin",     ".pkl",   ".pt",   ".onnx",
        ".docx",        ".xlsx",   ".wav",     ".mp3",   ".mp4",  ".npy",
        ".h5",          ".pub",    ".gpg",     ".asc",   ".der",  ".keystore",
        ".safetensors", ".joblib", ".dat",     ".bak",   ".jar",  ".whl"};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(ext); i++)
        if (ends_ci(s, n, ext[i]))
            return 1;
    return 0;
}

static int random_chunk(const char *s, size_t n, size_t min);

/* Segments of lower-case words: "prod/db/password", "app/agent". */
static int
path_like(const char *s, size_t n)
{
    size_t i;
    int slash = 0;

    /* A base64 key may start with '/': a path has no '+' or '=' and
     * no random-looking segment. */
    if (s[0] == '/')
        return memchr(s, '+', n) == NULL && memchr(s, '=', n) == NULL &&
               !random_chunk(s, n, 12);
    if (acl_secret_starts_ci(s, n, "~/") || acl_secret_starts_ci(s, n, "./") ||
        acl_secret_starts_ci(s, n, "../") ||
        (n > 2 && s[1] == ':' && s[2] == '\\'))
        return 1;
    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];

        if (c == '/')
            slash = 1;
        else if (!sec_lower(c) && !sec_digit(c) && !strchr("-_.", c))
            return 0;
    }
    return slash;
}

static int
email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    size_t i;

    if (at == NULL || at == s)
        return 0;
    for (i = 0; i < (size_t)(at - s); i++)
        if (!sec_alnum((unsigned char)s[i]) && !strchr("._%+-", s[i]))
            return 0;
    return host_like(at + 1, n - (size_t)(at - s) - 1);
}

static int
hex_run(const char *s, size_t n, size_t lo, size_t hi)
{
    size_t i;

    if (n < lo || n > hi)
        return 0;
    for (i = 0; i < n; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i]) || s[i] == '\0')
            return 0;
    return 1;
}

int
acl_secret_uuid(const char *s, size_t n)
{
    static const size_t len[] = {8, 4, 4, 4, 12};
    size_t i, off = 0;

    if (n != 36)
        return 0;
    for (i = 0; i < 5; i++) {
        if (!hex_run(s + off, len[i], len[i], len[i]))
            return 0;
        off += len[i];
        if (i < 4 && s[off++] != '-')
            return 0;
    }
    return 1;
}

/* "subnet-0a1b2c3d", "sg-…", "vpc-…", "mrk-…", "alias/…", "arn:…". */
static int
aws_id(const char *s, size_t n)
{
    static const char *const pre[] = {
        "subnet-",   "sg-",  "sgr-", "vpc-",     "vpce-", "igw-",  "nat-",
        "rtb-",      "eni-", "ami-", "i-",       "vol-",  "snap-", "acl-",
        "eipalloc-", "tgw-", "pl-",  "lt-",      "fs-",   "fsap-", "mrk-",
        "key-",      "cmk-", "db-",  "cluster-", "r-",    "ou-",   "o-"};
    size_t i, k;

    if (acl_secret_starts_ci(s, n, "arn:") ||
        acl_secret_starts_ci(s, n, "alias/"))
        return 1;
    for (i = 0; i < ACL_ARRAY_LEN(pre); i++) {
        k = strlen(pre[i]);
        if (acl_secret_starts_ci(s, n, pre[i]) &&
            hex_run(s + k, n - k, 8, strcmp(pre[i], "mrk-") == 0 ? 32 : 17))
            return 1;
    }
    return 0;
}

/* Google API keys published as samples in Google's own SDK test
 * suites (Firebase): public by design, found in countless checkouts. */
int
acl_secret_sample(const char *s, size_t n)
{
    static const char *const keys[] = {
        "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs",
        "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
        "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU",
        "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0",
        "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A",
        "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c",
        "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4",
        "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
        "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM",
        "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ",
        "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g",
        "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU",
        "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw",
        "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE",
        "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY"};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(keys); i++)
        if (strlen(keys[i]) == n && memcmp(keys[i], s, n) == 0)
            return 1;
    return 0;
}

/* References to a vault or to the environment, written the way
 * Vault, Azure Key Vault, SOPS/vals, 1Password and code name them. */
static int
reference(const char *s, size_t n)
{
    static const char *const pre[] = {"vault:",
                                      "ssm:",
                                      "secretsmanager:",
                                      "secret:",
                                      "env:",
                                      "kms:",
                                      "awskms:",
                                      "sops:",
                                      "ref+",
                                      "resolve:",
                                      "keyvault:",
                                      "@microsoft.keyvault(",
                                      "os.environ",
                                      "os.getenv",
                                      "process.env.",
                                      "system.getenv",
                                      "import.meta.env.",
                                      "env."};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(pre); i++)
        if (acl_secret_starts_ci(s, n, pre[i]))
            return 1;
    return 0;
}

/* Stripe publishable keys are meant for browsers. */
static int
public_key(const char *s, size_t n)
{
    return acl_secret_starts_ci(s, n, "pk_live_") ||
           acl_secret_starts_ci(s, n, "pk_test_");
}

/* OpenAI keys carry "T3BlbkFJ" ("OpenAI" in base64): one whose marker
 * is mangled ("T4BlbkFJ") was altered into a sample on purpose. */
static int
mangled_openai(const char *s, size_t n)
{
    size_t i;

    for (i = 2; i + 6 <= n; i++)
        if (memcmp(s + i, "BlbkFJ", 6) == 0)
            return memcmp(s + i - 2, "T3", 2) != 0;
    return 0;
}

/* Three dot-separated base64 parts whose first decodes to plain text,
 * not to a JSON header: a made-up token ("bm90X3ZhbGlk..." is
 * "not_valid...") written to look like a JWT. */
static int
made_up_jwt(const char *s, size_t n)
{
    const char *d1 = memchr(s, '.', n), *d2;
    size_t i;

    if (d1 == NULL ||
        (d2 = memchr(d1 + 1, '.', n - (size_t)(d1 + 1 - s))) == NULL ||
        memchr(d2 + 1, '.', n - (size_t)(d2 + 1 - s)) != NULL)
        return 0;
    for (i = 0; i < n; i++)
        if (!sec_alnum((unsigned char)s[i]) && strchr("-_.=", s[i]) == NULL)
            return 0;
    return (n < 3 || memcmp(s, "eyJ", 3) != 0) &&
           acl_secret_b64_text(s, (size_t)(d1 - s));
}

/* Base64 that decodes to printable text ("bm90X3Zh..." is
 * "not_va..."; a JWT header alone is '{"alg":...}') encodes words, not
 * key material. */
int
acl_secret_b64_text(const char *s, size_t n)
{
    unsigned char buf[1024];
    size_t k = acl_secret_b64_decode(s, n, buf, sizeof buf), i;

    if (n < 16 || k == (size_t)-1 || k < 12)
        return 0;
    for (i = 0; i < k; i++)
        if ((buf[i] < 0x20 && !sec_space(buf[i])) || buf[i] >= 0x7f)
            return 0;
    return 1;
}

/* "anthropic.claude-3-5-sonnet-20240620-v1:0", "us.amazon.nova-pro-v1:0". */
static int
model_id(const char *s, size_t n)
{
    static const char *const vendors[] = {
        "anthropic.", "amazon.", "meta.",   "mistral.", "cohere.",    "ai21.",
        "deepseek.",  "openai.", "qwen.",   "writer.",  "stability.", "us.",
        "eu.",        "apac.",   "global.", "jp.",      "au.",        "ca."};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(vendors); i++)
        if (acl_secret_starts_ci(s, n, vendors[i]))
            return 1;
    return 0;
}

/* At least two regex signs, or an anchored pattern. */
static int
regex_like(const char *s, size_t n)
{
    static const char *const signs[] = {
        "\\d", "\\w", "\\s", "\\b", "\\.", "[a-z", "[A-Z", "[0-9",
        "[^",  "(?",  ".*",  ".+",  "]{",  "]+",   "]*",   "|"};
    size_t i, found = 0;

    if (n > 1 && s[0] == '^')
        return 1;
    for (i = 0; i < ACL_ARRAY_LEN(signs); i++)
        found += acl_secret_has_ci(s, n, signs[i]) != 0;
    return found >= 2;
}

/* "v1.2.3", "2024-06-01", "1.0.0-beta". */
static int
version_like(const char *s, size_t n)
{
    size_t i = s[0] == 'v' || s[0] == 'V', digits = 0;

    for (; i < n; i++) {
        if (sec_digit((unsigned char)s[i]))
            digits++;
        else if (!strchr(".-_:T+Z", s[i]) || s[i] == '\0')
            return 0;
    }
    return digits > 0;
}

/* "subnet-a,subnet-b": a list whose every item is never a secret. */
static int
never_list(const char *s, size_t n, int uuid_ok)
{
    size_t i = 0;

    if (memchr(s, ',', n) == NULL)
        return 0;
    while (i <= n) {
        const char *comma = memchr(s + i, ',', n - i);
        size_t e = comma != NULL ? (size_t)(comma - s) : n;

        if (e == i || !acl_secret_never(s + i, e - i, uuid_ok))
            return 0;
        i = e + 1;
    }
    return 1;
}

/* "id=npmrc,src=.npmrc", "mode=max;type=registry": options, none of
 * whose names is a secret name. */
static int
option_list(const char *s, size_t n)
{
    size_t i = 0, pairs = 0;

    while (i < n) {
        size_t st = i, eq;

        while (i < n &&
               (sec_lower((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
            i++;
        if (i == st || i >= n || s[i] != '=' || acl_secret_name(s + st, i - st))
            return 0;
        for (eq = i++; i < n && s[i] != ',' && s[i] != ';'; i++)
            if (s[i] == '=')
                return 0;
        pairs += i > eq;
        i += i < n;
    }
    return pairs > 0;
}

int
acl_secret_never(const char *s, size_t n, int uuid_ok)
{
    acl_secret_trim(&s, &n);
    if (n == 0)
        return 1;
    if (never_list(s, n, uuid_ok) || option_list(s, n))
        return 1;
    if ((uuid_ok && acl_secret_uuid(s, n)) || aws_id(s, n) ||
        public_key(s, n) || acl_secret_sample(s, n) || reference(s, n) ||
        mangled_openai(s, n) || made_up_jwt(s, n))
        return 1;
    if (url_without_password(s, n) || host_like(s, n) || email(s, n))
        return 1;
    if (file_name(s, n) || path_like(s, n) || model_id(s, n))
        return 1;
    return regex_like(s, n) || version_like(s, n) || acl_secret_env_name(s, n);
}

/* ---- machine-generated ---- */

static int
vowel(int c)
{
    return c != '\0' && strchr("aeiouyAEIOUY", c) != NULL;
}

/* A letter fragment reads like a word (or an acronym): it has a vowel
 * and no run of four consonants ("Cred", "Open", "VGA" do; "rfjzx",
 * "Zkhr" do not). */
static int
wordy(const char *s, size_t n)
{
    size_t i, run = 0;
    int v = 0;

    for (i = 0; i < n; i++) {
        if (vowel((unsigned char)s[i])) {
            v = 1;
            run = 0;
        } else if (++run >= 4) {
            return 0;
        }
    }
    return v;
}

/* The end of the case/digit fragment that starts at s[i]: a digit run,
 * a capitalised word, an acronym or a lower-case run ("aB3dE" -> a, B,
 * 3, d, E; "MemCredEnv" -> Mem, Cred, Env). */
static size_t
fragment_end(const char *s, size_t n, size_t i)
{
    size_t st = i;
    int c = (unsigned char)s[i];

    if (sec_digit(c)) {
        while (i < n && sec_digit((unsigned char)s[i]))
            i++;
    } else if (sec_upper(c) && i + 1 < n &&
               sec_lower((unsigned char)s[i + 1])) {
        for (i++; i < n && sec_lower((unsigned char)s[i]); i++)
            ;
    } else if (sec_upper(c)) {
        while (i < n && sec_upper((unsigned char)s[i]) &&
               !(i > st && i + 1 < n && sec_lower((unsigned char)s[i + 1])))
            i++;
    } else {
        while (i < n && sec_lower((unsigned char)s[i]))
            i++;
    }
    return i;
}

/* An alphanumeric chunk is random when at least half of it sits in
 * fragments that are not words: one or two characters, or letters
 * without a vowel or with a consonant cluster. Numbers of three or
 * more digits count as words (years, ports, versions). */
static size_t chunk_noise(const char *s, size_t n);

/* Letter pairs common in English words and identifiers. Random text
 * is mostly made of the other pairs; words hardly are, even run
 * together ("MemCredEnvOpenAI"). */
static const char common_pairs[] =
    "th he in er an re on at en nd ti es or te of ed is it al ar st to nt "
    "ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be "
    "ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly "
    "nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni "
    "ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld "
    "ry mp fe bl ab gh ty op wo sa ay ex ke fr oo av ag if ap gr od bo sp "
    "rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc gi da yo cr cl du ga "
    "qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi rc rr eg au "
    "ck ew mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye "
    "ud mb ip ub oi rl gu dr hr cc tw ft wn nu oa ox pe sk sm sn sl sw tf "
    "xt ks lf lk nk";

static int
common_pair(int a, int b)
{
    size_t i;

    a = acl_ascii_lower(a);
    b = acl_ascii_lower(b);
    for (i = 0; i + 2 <= sizeof common_pairs - 1; i += 3)
        if (common_pairs[i] == a && common_pairs[i + 1] == b)
            return 1;
    return 0;
}

/* At least 16 letter pairs, 45% of them uncommon (random letters give
 * about 55%, words and identifiers 15 to 30%). */
static int
uncommon_pairs(const char *s, size_t n)
{
    size_t i, pairs = 0, rare = 0;

    for (i = 1; i < n; i++) {
        if (!sec_alpha((unsigned char)s[i - 1]) ||
            !sec_alpha((unsigned char)s[i]))
            continue;
        pairs++;
        rare += !common_pair((unsigned char)s[i - 1], (unsigned char)s[i]);
    }
    return pairs >= 16 && rare * 20 >= pairs * 9;
}

static int
chunk_random(const char *s, size_t n)
{
    return chunk_noise(s, n) * 5 >= n * 2 || uncommon_pairs(s, n);
}

/* The noise characters of chunk s (see chunk_random). */
static size_t
chunk_noise(const char *s, size_t n)
{
    size_t i = 0, noise = 0;

    while (i < n) {
        size_t e = fragment_end(s, n, i), k = e - i;

        if (k <= 2 || (!sec_digit((unsigned char)s[i]) && !wordy(s + i, k)))
            noise += k;
        i = e;
    }
    return noise;
}

/* Does s have an alphanumeric chunk of at least min characters that
 * looks random? Tokens cut into short chunks by '-', '_' or ':'
 * ("7526898293:2AVdG_H5LEvLq6V6k_...") count as a whole, by their letter
 * pairs, when they hold 24 alphanumerics or more. */
static int
random_chunk(const char *s, size_t n, size_t min)
{
    size_t i = 0, all = 0;

    while (i < n) {
        size_t st;

        while (i < n && !sec_alnum((unsigned char)s[i]))
            i++;
        for (st = i; i < n && sec_alnum((unsigned char)s[i]); i++)
            ;
        if (i - st >= min && chunk_random(s + st, i - st))
            return 1;
        all += i - st;
    }
    return all >= 24 && uncommon_pairs(s, n);
}

/* The longest run of hex digits in s[0..n) with a digit and a letter
 * ("829a4f...91" of "829a4f...91NRAL"). */
static size_t
hex_span(const char *s, size_t n)
{
    size_t i, run = 0, best = 0, dig = 0, let = 0;

    for (i = 0; i <= n; i++) {
        int c = i < n ? (unsigned char)s[i] : 0;

        if (c != 0 && (sec_digit(c) || strchr("abcdefABCDEF", c) != NULL)) {
            run++;
            dig += sec_digit(c);
            let += !sec_digit(c);
            continue;
        }
        if (dig > 0 && let > 0 && run > best)
            best = run;
        run = dig = let = 0;
    }
    return best;
}

/* Hex runs of 32 digits or more in all, in chunks of at least 4:
 * digests, "key-<hex>", UUID-shaped keys, "<hex>NRAL". */
static int
hex_material(const char *s, size_t n)
{
    size_t i = 0, total = 0;

    while (i < n) {
        size_t st, h;

        while (i < n && !sec_alnum((unsigned char)s[i]))
            i++;
        for (st = i; i < n && sec_alnum((unsigned char)s[i]); i++)
            ;
        h = hex_span(s + st, i - st);
        if (h >= 4 && (h >= 8 || h == i - st))
            total += h;
    }
    return total >= 32;
}

/* log2(v) for v >= 1 by the binary digit-by-digit method: no libm. */
static double
log2_of(size_t v)
{
    double x = (double)v, r = 0, bit = 0.5;
    int i;

    while (x >= 2) {
        x /= 2;
        r += 1;
    }
    for (i = 0; i < 24; i++, bit /= 2) {
        x *= x;
        if (x >= 2) {
            x /= 2;
            r += bit;
        }
    }
    return r;
}

/* Shannon entropy in bits per character. */
static double
entropy(const char *s, size_t n)
{
    size_t count[256] = {0}, i;
    double h = 0;

    for (i = 0; i < n; i++)
        count[(unsigned char)s[i]]++;
    for (i = 0; i < 256; i++)
        if (count[i] > 0)
            h += (double)count[i] * (log2_of(n) - log2_of(count[i]));
    return n > 0 ? h / (double)n : 0;
}

/* "abcdefgh", "12345678": most neighbours one apart, or a run of
 * eight ("lsv2_pt_0123456789abcdef..."): typed, not generated. */
static int
sequential(const char *s, size_t n)
{
    size_t i, steps = 0, run = 1;

    for (i = 1; i < n; i++) {
        int up = (unsigned char)s[i] == (unsigned char)s[i - 1] + 1;

        steps += up;
        run = up ? run + 1 : 1;
        if (run >= 8)
            return 1;
    }
    return n > 1 && steps * 2 >= n;
}

struct classes {
    size_t up, low, dig, sym;
};

static int
printable_token(const char *s, size_t n, struct classes *k)
{
    size_t i;

    memset(k, 0, sizeof *k);
    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];

        if (c <= ' ' || c == 0x7f)
            return 0;
        k->up += sec_upper(c);
        k->low += sec_lower(c);
        k->dig += sec_digit(c);
        k->sym += !sec_alnum(c);
    }
    return 1;
}

/* Random-looking: long, several classes, high entropy, and a chunk
 * that is not made of words; or hex key material. */
static int
random_shape(const char *s, size_t n, size_t min_len)
{
    struct classes k;

    if (n < min_len || n > 8192 || !printable_token(s, n, &k) ||
        sequential(s, n))
        return 0;
    if (hex_material(s, n))
        return 1;
    if (entropy(s, n) < (n >= 24 ? 3.3 : 3.0))
        return 0;
    if (!((k.dig > 0 && k.up + k.low > 0) ||
          (k.up > 0 && k.low > 0 && n >= 20)))
        return 0;
    return random_chunk(s, n, min_len < 12 ? min_len : 12);
}

/* The longest chunk between '-', '.', '_' and ':' is base64 text
 * ("bedrock-api-key-YmVkcm9jay5h..." is "bedrock.a..."). */
static int
b64_text_chunk(const char *s, size_t n)
{
    size_t i = 0, best = 0, best_len = 0;

    while (i < n) {
        size_t st = i;

        while (i < n && strchr("-._:", s[i]) == NULL)
            i++;
        if (i - st > best_len) {
            best = st;
            best_len = i - st;
        }
        i++;
    }
    return acl_secret_b64_text(s, n) || acl_secret_b64_text(s + best, best_len);
}

int
acl_secret_generated(const char *v, size_t n)
{
    if (v == NULL)
        return 0;
    acl_secret_skip_scheme(&v, &n);
    if (acl_secret_placeholder(v, n) || acl_secret_marker(v, n) ||
        acl_secret_never(v, n, 0) || b64_text_chunk(v, n))
        return 0;
    return random_shape(v, n, 16);
}

/* A literal under a strong name: a letter and a digit or symbol (not
 * only separators), no blanks; or letters that look random. */
int
acl_secret_value(const char *v, size_t n)
{
    struct classes k;

    if (v == NULL)
        return 0;
    acl_secret_skip_scheme(&v, &n);
    if (n < 6 || !printable_token(v, n, &k) || k.up + k.low == 0)
        return 0;
    if (acl_secret_eq_ci(v, n, "true") || acl_secret_eq_ci(v, n, "false"))
        return 0;
    if (acl_secret_placeholder(v, n) || acl_secret_marker(v, n) ||
        acl_secret_never(v, n, 0))
        return 0;
    if (k.dig > 0)
        return 1;
    {
        size_t i, real_sym = 0;

        for (i = 0; i < n; i++)
            real_sym += (unsigned char)v[i] < 0x80 &&
                        !sec_alnum((unsigned char)v[i]) &&
                        !strchr("-_./:", v[i]);
        if (real_sym > 0)
            return 1;
    }
    return random_shape(v, n, 10);
}
