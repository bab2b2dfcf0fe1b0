/*
 * check_codescan.c - agent source scanning: the loader of agent source
 * files (bounds, skipped folders, links, FIFOs), the code lexer and the
 * assigned-name reader, the pattern helper and its lazy JIT, the
 * real-CLI corpus (nothing reported), and that no output format ever
 * prints a whole secret of the fixtures.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <dirent.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/codelex.h"
#include "acl/engine.h"
#include "acl/model.h"
#include "acl/regex.h"
#include "check_acl.h"

/* ---- a scratch project ---- */

static char base[] = "/tmp/acl-codescan-XXXXXX";

static char *
at(const char *rel)
{
    return acl_xasprintf("%s/%s", base, rel);
}

static void
put_n(const char *rel, const char *text, size_t n)
{
    char *path = at(rel);
    FILE *f = fopen(path, "wb");

    ck_assert_msg(f != NULL, "cannot write %s", path);
    ck_assert_uint_eq(fwrite(text, 1, n, f), n);
    fclose(f);
    free(path);
}

static void
put(const char *rel, const char *text)
{
    put_n(rel, text, strlen(text));
}

/* mkdir -p under base. */
static void
mk(const char *rel)
{
    char *path = at(rel), *q;

    for (q = path + strlen(base) + 1; *q != '\0'; q++) {
        if (*q != '/')
            continue;
        *q = '\0';
        mkdir(path, 0755);
        *q = '/';
    }
    mkdir(path, 0755);
    free(path);
}

static void
link_to(const char *target, const char *rel)
{
    char *path = at(rel);

    ck_assert_int_eq(symlink(target, path), 0);
    free(path);
}

static void
rm_tree(const char *path)
{
    struct stat st;
    DIR *d;
    struct dirent *e;

    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    d = opendir(path);
    while (d != NULL && (e = readdir(d)) != NULL) {
        char *sub;

        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        sub = acl_xasprintf("%s/%s", path, e->d_name);
        rm_tree(sub);
        free(sub);
    }
    if (d != NULL)
        closedir(d);
    rmdir(path);
}

static void
setup(void)
{
    strcpy(base + strlen(base) - 6, "XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(base));
}

static void
teardown(void)
{
    rm_tree(base);
}

static void
spec(const char *json)
{
    mk("proj/agentcore");
    put("proj/agentcore/agentcore.json", json);
}

static struct acl_project *
load(void)
{
    char *root = at("proj");
    struct acl_error err;
    struct acl_project *p =
        acl_project_load(root, "proj", NULL, 1u << 20, &err);

    free(root);
    ck_assert_ptr_nonnull(p);
    acl_project_load_sources(p);
    return p;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "path owner" lines of the loaded sources, sorted, in one string. */
static char *
source_list(const struct acl_project *p)
{
    char **lines = acl_xcalloc(p->files.nsources + 1, sizeof *lines);
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    for (i = 0; i < p->files.nsources; i++)
        lines[i] = acl_xasprintf("%s %s", p->files.sources[i].text->path,
                                 p->files.sources[i].owner);
    qsort(lines, p->files.nsources, sizeof *lines, cmp_str);
    for (i = 0; i < p->files.nsources; i++) {
        acl_buf_printf(&b, "%s\n", lines[i]);
        free(lines[i]);
    }
    free(lines);
    return acl_buf_steal(&b);
}

/* Loads the scratch project: its sources must be want (as source_list
 * writes them). */
static void
assert_sources(const char *want)
{
    struct acl_project *p = load();
    char *got = source_list(p);

    ck_assert_str_eq(got, want);
    free(got);
    acl_project_free(p);
}

#define TWO_RUNTIMES_AND_HARNESS                           \
    "{\"name\": \"Proj\", \"version\": 1, \"runtimes\": [" \
    "{\"name\": \"A\", \"codeLocation\": \"app/A/\"},"     \
    "{\"name\": \"B\", \"codeLocation\": \"./app//A\"}],"  \
    "\"harnesses\": [{\"name\": \"H\", \"path\": \"app/H\"}]}"

/* Every code ending is read; other files and skipped folders are not;
 * a folder named by two runtimes is read once, for the first. */
START_TEST(loader_endings_and_skips)
{
    static const char *const skipped[] = {"node_modules", ".venv",  "venv",
                                          "__pycache__",  "dist",   "build",
                                          "cdk.out",      ".hidden"};
    struct acl_project *p;
    char *got;
    size_t i;

    spec(TWO_RUNTIMES_AND_HARNESS);
    mk("proj/app/A/lib");
    mk("proj/app/H");
    put("proj/app/A/main.py", "x = 1\n");
    put("proj/app/A/lib/a.ts", "");
    put("proj/app/A/lib/b.js", "");
    put("proj/app/A/lib/c.mjs", "");
    put("proj/app/A/lib/d.cjs", "");
    put("proj/app/A/lib/e.tsx", "");
    put("proj/app/A/lib/f.jsx", "");
    put("proj/app/A/README.md", "");
    put("proj/app/A/data.json", "");
    put("proj/app/A/.py", "");
    put("proj/app/A/main.pyc", "");
    put("proj/app/H/tool.py", "");
    for (i = 0; i < ACL_ARRAY_LEN(skipped); i++) {
        char *dir = acl_xasprintf("proj/app/A/%s/deep", skipped[i]);
        char *file = acl_xasprintf("%s/x.py", dir);

        mk(dir);
        put(file, "");
        free(dir);
        free(file);
    }
    p = load();
    got = source_list(p);
    ck_assert_str_eq(got, "app/A/lib/a.ts A\napp/A/lib/b.js A\n"
                          "app/A/lib/c.mjs A\napp/A/lib/d.cjs A\n"
                          "app/A/lib/e.tsx A\napp/A/lib/f.jsx A\n"
                          "app/A/main.py A\napp/H/tool.py H\n");
    for (i = 0; i < p->files.nsources; i++)
        if (strcmp(p->files.sources[i].text->path, "app/A/main.py") == 0) {
            ck_assert_str_eq(p->files.sources[i].text->display,
                             "proj/app/A/main.py");
            ck_assert_str_eq(p->files.sources[i].text->data, "x = 1\n");
        }
    free(got);
    acl_project_free(p);
}
END_TEST

/* 2 MiB is read, one byte more is not. */
START_TEST(loader_size_limit)
{
    size_t max = 2u << 20;
    char *big = acl_xmalloc(max + 1);
    struct acl_project *p;

    memset(big, '#', max + 1);
    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
         "{\"name\": \"A\", \"codeLocation\": \"app/A\"}]}");
    mk("proj/app/A");
    put_n("proj/app/A/edge.py", big, max);
    put_n("proj/app/A/over.py", big, max + 1);
    assert_sources("app/A/edge.py A\n");
    /* The file left out is named, so the run does not look complete. */
    p = load();
    ck_assert_uint_eq(p->notices->n, 1);
    ck_assert_ptr_nonnull(strstr(p->notices->items[0].file, "app/A/over.py"));
    ck_assert_ptr_nonnull(
        strstr(p->notices->items[0].text, "larger than 2 MiB"));
    acl_project_free(p);
    free(big);
}
END_TEST

/* Links inside the root are followed, links out of it are not, a link
 * loop ends, and a FIFO is neither read nor waited on. */
START_TEST(loader_links_and_fifo)
{
    char *fifo;

    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
         "{\"name\": \"A\", \"codeLocation\": \"app/A\"}]}");
    mk("proj/app/A");
    mk("proj/shared");
    mk("outside");
    put("outside/secret.py", "KEY = 1\n");
    put("proj/shared/s.py", "");
    put("proj/app/A/main.py", "");
    link_to("../../../outside", "proj/app/A/out");
    link_to("../../../outside/secret.py", "proj/app/A/out.py");
    link_to("../../shared", "proj/app/A/in");
    link_to(".", "proj/app/A/loop");
    link_to("..", "proj/app/A/up");
    link_to("main.py", "proj/app/A/same.py");
    fifo = at("proj/app/A/pipe.py");
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    free(fifo);
    /* "up" leads to app/, which holds A again: A is walked once. */
    assert_sources("app/A/in/s.py A\napp/A/main.py A\n");
}
END_TEST

/* A code folder outside the root (by "..", an absolute path or a
 * link) is not read. */
START_TEST(loader_root_outside)
{
    struct acl_project *p;
    char *json, *abs = at("outside");

    mk("outside");
    put("outside/x.py", "");
    json = acl_xasprintf("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
                         "{\"name\": \"A\", \"codeLocation\": \"../outside\"},"
                         "{\"name\": \"B\", \"codeLocation\": \"%s\"},"
                         "{\"name\": \"C\", \"codeLocation\": \"app/C\"}]}",
                         abs);
    spec(json);
    mk("proj/app");
    link_to("../../outside", "proj/app/C");
    p = load();
    ck_assert_uint_eq(p->files.nsources, 0);
    ck_assert_int_eq(p->files.sources_loaded, 1);
    acl_project_free(p);
    free(json);
    free(abs);
}
END_TEST

/* ".." folds as the CLI's path.join does, before links are followed:
 * app/Z/../A is app/A even when app/Z does not exist. */
START_TEST(loader_dotdot_folds)
{
    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
         "{\"name\": \"D\", \"codeLocation\": \"app/Z/../A/./\"},"
         "{\"name\": \"E\", \"codeLocation\": \"app/../../proj/app/A\"}]}");
    mk("proj/app/A");
    put("proj/app/A/main.py", "");
    assert_sources("app/A/main.py D\n");
}
END_TEST

/* Nesting deeper than the walk goes is not read; the walk ends. */
START_TEST(loader_depth_bound)
{
    struct acl_buf dir = {0};
    char *file;
    int i;

    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
         "{\"name\": \"A\", \"codeLocation\": \"app/A\"}]}");
    acl_buf_puts(&dir, "proj/app/A");
    for (i = 0; i < 40; i++) {
        acl_buf_puts(&dir, "/d");
        if (i == 3) {
            mk(dir.data);
            file = acl_xasprintf("%s/shallow.py", dir.data);
            put(file, "");
            free(file);
        }
    }
    mk(dir.data);
    file = acl_xasprintf("%s/deep.py", dir.data);
    put(file, "");
    free(file);
    assert_sources("app/A/d/d/d/d/shallow.py A\n");
    acl_buf_free(&dir);
}
END_TEST

/* The CLI reads a harness from app/<name>/ whatever its path says: both
 * folders are agent source of that harness. */
START_TEST(loader_harness_folders)
{
    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": [],"
         "\"harnesses\": [{\"name\": \"H\", \"path\": \"tools/h\"}]}");
    mk("proj/tools/h");
    mk("proj/app/H");
    put("proj/tools/h/a.py", "");
    put("proj/app/H/b.ts", "");
    assert_sources("app/H/b.ts H\ntools/h/a.py H\n");
}
END_TEST

/* The notices of a load, "file: text" per line, in one string. */
static char *
notice_list(void)
{
    struct acl_project *p = load();
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    for (i = 0; i < p->notices->n; i++)
        acl_buf_printf(&b, "%s: %s\n", p->notices->items[i].file,
                       p->notices->items[i].text);
    acl_project_free(p);
    return acl_buf_steal(&b);
}

/* What the walk cannot read or will not follow is named, never skipped
 * in silence: links out of the root, broken links, a FIFO with a code
 * ending, a folder nested too deep. */
START_TEST(loader_notices)
{
    struct acl_buf dir = {0};
    char *got, *fifo;
    int i;

    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
         "{\"name\": \"A\", \"codeLocation\": \"app/A\"}]}");
    mk("proj/app/A");
    mk("outside");
    put("outside/x.py", "");
    link_to("../../../outside/x.py", "proj/app/A/out.py");
    link_to("nowhere.py", "proj/app/A/broken.py");
    fifo = at("proj/app/A/pipe.py");
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    free(fifo);
    acl_buf_puts(&dir, "proj/app/A");
    for (i = 0; i < 26; i++)
        acl_buf_puts(&dir, "/d");
    mk(dir.data);
    got = notice_list();
    ck_assert_ptr_nonnull(strstr(got, "app/A/out.py: agent source not scanned "
                                      "for secrets or gateway variables: a "
                                      "link that leads outside the project"));
    ck_assert_ptr_nonnull(strstr(got, "app/A/broken.py: agent source not "
                                      "scanned for secrets or gateway "
                                      "variables: a link that leads nowhere"));
    ck_assert_ptr_nonnull(strstr(got, "app/A/pipe.py: agent source not "
                                      "scanned for secrets or gateway "
                                      "variables: not a regular file"));
    ck_assert_ptr_nonnull(strstr(got, "/d/d: agent source not scanned for "
                                      "secrets or gateway variables: a folder "
                                      "nested deeper than the scan goes"));
    free(got);
    acl_buf_free(&dir);
}
END_TEST

/* A path longer than PATH_MAX cannot be opened: it is named. */
START_TEST(loader_path_max)
{
    char name[201], *top = at("proj/app/A"), *got, *cmd;
    int fd, next, i;

    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
         "{\"name\": \"A\", \"codeLocation\": \"app/A\"}]}");
    mk("proj/app/A");
    memset(name, 'n', 200);
    name[200] = '\0';
    fd = open(top, O_RDONLY | O_DIRECTORY);
    ck_assert_int_ge(fd, 0);
    /* 22 levels of 200 bytes: past PATH_MAX (4096) from the root. */
    for (i = 0; i < 22; i++) {
        ck_assert_int_eq(mkdirat(fd, name, 0755), 0);
        next = openat(fd, name, O_RDONLY | O_DIRECTORY);
        close(fd);
        ck_assert_int_ge(next, 0);
        fd = next;
    }
    next = openat(fd, "deep.py", O_WRONLY | O_CREAT, 0644);
    ck_assert_int_ge(next, 0);
    close(next);
    close(fd);
    got = notice_list();
    ck_assert_msg(strstr(got, "PATH_MAX") != NULL, "no PATH_MAX notice in %s",
                  got);
    free(got);
    /* rm_tree works with whole paths; rm -rf does not need them. */
    cmd = acl_xasprintf("rm -rf '%s'", top);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    free(top);
}
END_TEST

/* A folder that cannot be opened is named (not testable as root, who
 * opens everything). */
START_TEST(loader_unreadable_folder)
{
    char *dir = at("proj/app/A/locked"), *got;

    if (geteuid() == 0) {
        printf("SKIP: loader_unreadable_folder: root opens every folder\n");
        free(dir);
        return;
    }
    spec("{\"name\": \"Proj\", \"version\": 1, \"runtimes\": ["
         "{\"name\": \"A\", \"codeLocation\": \"app/A\"}]}");
    mk("proj/app/A/locked");
    put("proj/app/A/locked/x.py", "");
    ck_assert_int_eq(chmod(dir, 0), 0);
    got = notice_list();
    chmod(dir, 0755);
    ck_assert_ptr_nonnull(strstr(got, "app/A/locked: agent source not "
                                      "scanned"));
    free(got);
    free(dir);
}
END_TEST

/* ---- the lexer ---- */

/* "S:content" or "C:content" per token, "|"-separated; "S*" marks an
 * interpolated string. */
static char *
tokens(const char *src, enum acl_code_lang lang)
{
    struct acl_code_toks t = {0};
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    acl_code_lex(src, strlen(src), lang, &t);
    for (i = 0; i < t.n; i++) {
        const struct acl_code_tok *k = &t.items[i];

        if (i > 0)
            ck_assert_uint_le(t.items[i - 1].whole.end, k->whole.start);
        if (k->kind != ACL_TOK_STRING && k->kind != ACL_TOK_COMMENT)
            continue;
        acl_buf_printf(
            &b, "%s%s%s:%.*s", b.len ? "|" : "",
            k->kind == ACL_TOK_STRING ? "S" : "C", k->interp ? "*" : "",
            (int)(k->content.end - k->content.start), src + k->content.start);
        ck_assert_uint_le(k->whole.start, k->content.start);
        ck_assert_uint_le(k->content.end, k->whole.end);
    }
    acl_code_toks_free(&t);
    return acl_buf_steal(&b);
}

#define LEX_EQ(src, lang, want)         \
    do {                                \
        char *got_ = tokens(src, lang); \
        ck_assert_str_eq(got_, want);   \
        free(got_);                     \
    } while (0)

START_TEST(lex_python)
{
    LEX_EQ("a = 'x' # c \"q\"\nb = \"y\\\"z\"", ACL_LANG_PYTHON,
           "S:x|C: c \"q\"|S:y\\\"z");
    LEX_EQ("r'\\d' rb\"x\" f'{a}b' F\"{{x}}\" u'z' bar'q'", ACL_LANG_PYTHON,
           "S:\\d|S:x|S*:{a}b|S:{{x}}|S:z|S:q");
    LEX_EQ("\"\"\"doc\n'inner' # not a comment\n\"\"\"\nx = 1 # end",
           ACL_LANG_PYTHON, "S:doc\n'inner' # not a comment\n|C: end");
    LEX_EQ("f\"{d['k']}\" 'it''s'", ACL_LANG_PYTHON, "S*:{d['k']}|S:it|S:s");
    /* Python 3.12: the string's own quote opens a literal inside {...}. */
    LEX_EQ("f\"{d[\"k\"]}\" 'z'", ACL_LANG_PYTHON, "S*:{d[\"k\"]}|S:z");
    /* An unterminated literal ends at its line. */
    LEX_EQ("x = 'open\ny = \"ok\"", ACL_LANG_PYTHON, "S:open|S:ok");
    LEX_EQ("'''never closed\n", ACL_LANG_PYTHON, "S:never closed\n");
}
END_TEST

START_TEST(lex_js)
{
    LEX_EQ("const a = 'x'; // c 'q'\n/* b \"z\" */ \"y\"", ACL_LANG_JS,
           "S:x|C: c 'q'|C: b \"z\" |S:y");
    /* A template literal is one token, substitutions and all. */
    LEX_EQ("`a${f('b')}c${ {d: `e`}.d }f` 'g'", ACL_LANG_JS,
           "S*:a${f('b')}c${ {d: `e`}.d }f|S:g");
    LEX_EQ("const r = /\"[/']/g; x = a / b / 'c';", ACL_LANG_JS, "S:c");
    LEX_EQ("return /'/.test(s) ? 'y' : 'n'", ACL_LANG_JS, "S:y|S:n");
    LEX_EQ("#!/usr/bin/env node\n'x'", ACL_LANG_JS, "C:/usr/bin/env node|S:x");
    LEX_EQ("/* open", ACL_LANG_JS, "C: open");
    LEX_EQ("`open ${", ACL_LANG_JS, "S*:open ${");
}
END_TEST

/* As tokens(), JSX read: "T:" marks text between tags, "{" and "}" the
 * braces of a container. */
static char *
jsx_tokens(const char *src)
{
    struct acl_code_toks t = {0};
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    acl_code_lex_jsx(src, strlen(src), &t);
    for (i = 0; i < t.n; i++) {
        const struct acl_code_tok *k = &t.items[i];
        const char *tag = k->kind == ACL_TOK_COMMENT ? "C" : k->doc ? "T" : "S";

        if (i > 0)
            ck_assert_uint_le(t.items[i - 1].whole.end, k->whole.start);
        if (k->jsx && k->kind == ACL_TOK_PUNCT &&
            (acl_code_tok_is(src, k, "{") || acl_code_tok_is(src, k, "}")))
            acl_buf_printf(&b, "%s%.1s", b.len ? "|" : "",
                           src + k->whole.start);
        if (k->kind != ACL_TOK_STRING && k->kind != ACL_TOK_COMMENT)
            continue;
        acl_buf_printf(&b, "%s%s:%.*s", b.len ? "|" : "", tag,
                       (int)(k->content.end - k->content.start),
                       src + k->content.start);
    }
    acl_code_toks_free(&t);
    return acl_buf_steal(&b);
}

#define JSX_EQ(src, want)             \
    do {                              \
        char *got_ = jsx_tokens(src); \
        ck_assert_str_eq(got_, want); \
        free(got_);                   \
    } while (0)

START_TEST(lex_jsx)
{
    /* Text is text: quotes and slashes in it open nothing. */
    JSX_EQ("const a = <p>Don't set process.env.X! // here</p>; 'y'",
           "T:Don't set process.env.X! // here|S:y");
    JSX_EQ("return (\n  <a href=\"x\" title='y' {...p} b={f(\"z\")}>\n"
           "    see https://e.com/a\n  </a>\n);",
           "S:x|S:y|{|}|{|S:z|}|T:see https://e.com/a");
    /* Containers hold code, and elements again. */
    JSX_EQ("<ul>{xs.map((x) => <li key={x}>{x} it's</li>)}</ul>",
           "{|{|}|{|}|T:it's|}");
    JSX_EQ("<>a 'b'<br/>c{/* d */}</>", "T:a 'b'|T:c|{|C: d |}");
    JSX_EQ("x = c ? <A/> : <B>'</B>; 'e'", "T:'|S:e");
    JSX_EQ("<a // c1\n /* c2 */ href=\"h\">t</a>", "C: c1|C: c2 |S:h|T:t");
    /* Not JSX: comparisons, TypeScript generics, an element never
     * closed; lexed as code. */
    JSX_EQ("if (a <b) { c = 'd' }", "S:d");
    JSX_EQ("const f = <T,>(x: T) => 'a';", "S:a");
    JSX_EQ("const g = <T extends X>(x: T) => 'b';", "S:b");
    JSX_EQ("type F = <T>(a: T) => T; const s = 'c';", "S:c");
    JSX_EQ("x = <div>never closed 'q'", "S:q");
    JSX_EQ("x = <div a=1>'r'</div>", "S:r");
    /* Without JSX, markup is code. */
    LEX_EQ("<p>it's</p>", ACL_LANG_JS, "S:s</p>");
    ck_assert(acl_code_jsx_path("a/b.tsx") && acl_code_jsx_path("c.jsx") &&
              acl_code_jsx_path("d.js"));
    ck_assert(!acl_code_jsx_path("a.ts") && !acl_code_jsx_path("a.mjs") &&
              !acl_code_jsx_path("a.cjs"));
}
END_TEST

/* Markup nested past the bound, or never closed, is lexed as code, and
 * in linear time. */
START_TEST(lex_jsx_hostile)
{
    struct acl_code_toks t = {0};
    struct acl_buf b = {0};
    size_t i;

    for (i = 0; i < 20000; i++)
        acl_buf_puts(&b, "(<a>{");
    acl_code_lex_jsx(b.data, b.len, &t);
    ck_assert_uint_gt(t.n, 0);
    acl_code_toks_free(&t);
    acl_buf_reset(&b);
    for (i = 0; i < 20000; i++)
        acl_buf_puts(&b, "x = <a b={<c>");
    acl_code_lex_jsx(b.data, b.len, &t);
    ck_assert_uint_gt(t.n, 0);
    acl_code_toks_free(&t);
    acl_buf_reset(&b);
    for (i = 0; i < 200; i++)
        acl_buf_puts(&b, "<a>");
    acl_buf_puts(&b, "x");
    for (i = 0; i < 200; i++)
        acl_buf_puts(&b, "</a>");
    acl_code_lex_jsx(b.data, b.len, &t);
    ck_assert_uint_gt(t.n, 0);
    acl_code_toks_free(&t);
    acl_buf_free(&b);
}
END_TEST

START_TEST(lex_lang_of_path)
{
    ck_assert_int_eq(acl_code_lang("a/b.py"), ACL_LANG_PYTHON);
    ck_assert_int_eq(acl_code_lang("a.tsx"), ACL_LANG_JS);
    ck_assert_int_eq(acl_code_lang("a.mjs"), ACL_LANG_JS);
    ck_assert_int_eq(acl_code_lang("a.json"), ACL_LANG_NONE);
    ck_assert_int_eq(acl_code_lang("a.pyc"), ACL_LANG_NONE);
}
END_TEST

/* The name given to the first (or only) literal holding "V". */
static char *
assigned(const char *src, enum acl_code_lang lang)
{
    struct acl_code_toks t = {0};
    const char *name;
    size_t i, n;
    char *out = NULL;

    acl_code_lex(src, strlen(src), lang, &t);
    for (i = 0; i < t.n && out == NULL; i++)
        if (t.items[i].kind == ACL_TOK_STRING &&
            t.items[i].content.end > t.items[i].content.start &&
            src[t.items[i].content.start] == 'V')
            out = acl_code_assigned_name(src, strlen(src), &t, i, &name, &n)
                      ? acl_xstrndup(name, n)
                      : acl_xstrdup("-");
    acl_code_toks_free(&t);
    ck_assert_msg(out != NULL, "no literal V in %s", src);
    return out;
}

START_TEST(assigned_names)
{
    static const struct {
        const char *src;
        enum acl_code_lang lang;
        const char *want;
    } cases[] = {
        {"api_key = 'V'", ACL_LANG_PYTHON, "api_key"},
        {"self.api_key = 'V'", ACL_LANG_PYTHON, "api_key"},
        {"api_key: str = 'V'", ACL_LANG_PYTHON, "api_key"},
        {"f(x, api_key='V')", ACL_LANG_PYTHON, "api_key"},
        {"d = {'token': 'V'}", ACL_LANG_PYTHON, "token"},
        {"d = {\n  'a': 1,\n  \"token\":\n 'V'}", ACL_LANG_PYTHON, "token"},
        {"h['Authorization'] = 'V'", ACL_LANG_PYTHON, "Authorization"},
        {"if (k := 'V'):", ACL_LANG_PYTHON, "k"},
        {"const apiKey: string = 'V';", ACL_LANG_JS, "apiKey"},
        {"x = { apiKey: \"V\" }", ACL_LANG_JS, "apiKey"},
        {"x = { a: 1, 'x-api-key': `V` }", ACL_LANG_JS, "x-api-key"},
        {"api_key == 'V'", ACL_LANG_PYTHON, "-"},
        {"api_key != 'V'", ACL_LANG_PYTHON, "-"},
        {"a === 'V'", ACL_LANG_JS, "-"},
        {"a += 'V'", ACL_LANG_JS, "-"},
        {"a ?\?= 'V'", ACL_LANG_JS, "-"},
        {"a = 'V' + b", ACL_LANG_PYTHON, "-"},
        {"a = 'V%s' % b", ACL_LANG_PYTHON, "-"},
        {"a = 'V{}'.format(b)", ACL_LANG_PYTHON, "-"},
        {"a = 'V' 'W'", ACL_LANG_PYTHON, "-"},
        {"a = f'V{b}'", ACL_LANG_PYTHON, "-"},
        {"a = `V${b}`", ACL_LANG_JS, "-"},
        {"c ? 'token' : 'V'", ACL_LANG_JS, "-"},
        {"f('token', 'V')", ACL_LANG_PYTHON, "-"},
        {"'V'", ACL_LANG_PYTHON, "-"},
        {"x = y || 'V'", ACL_LANG_JS, "-"},
    };
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(cases); i++) {
        char *got = assigned(cases[i].src, cases[i].lang);

        ck_assert_msg(strcmp(got, cases[i].want) == 0, "%s: got %s, want %s",
                      cases[i].src, got, cases[i].want);
        free(got);
    }
}
END_TEST

/* ---- no whole secret in any output ---- */

/* The secret values of fixtures/secret-values.txt. */
static char **
secret_values(size_t *n)
{
    char *text = acl_test_slurp("fixtures/secret-values.txt");
    char *line, *save = NULL;
    char **v = NULL;
    size_t cap = 0;

    *n = 0;
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        acl_xgrow((void **)&v, &cap, *n + 1, sizeof *v);
        v[(*n)++] = acl_xstrdup(line);
    }
    free(text);
    ck_assert_uint_ge(*n, 10);
    return v;
}

/* Concatenates every regular file below dir (fixture inputs). */
static void
read_tree(const char *dir, struct acl_buf *all)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    while (d != NULL && (e = readdir(d)) != NULL) {
        char *sub;
        struct stat st;

        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        sub = acl_xasprintf("%s/%s", dir, e->d_name);
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
            read_tree(sub, all);
        } else if (S_ISREG(st.st_mode)) {
            char *t = acl_test_slurp(sub);

            acl_buf_puts(all, t);
            free(t);
        }
        free(sub);
    }
    if (d != NULL)
        closedir(d);
}

/* Fixture projects that hold secrets: the fail cases of the secret
 * rules and the secrets-* cases. */
static void
secret_projects(char ***dirs, size_t *n)
{
    static const char *const parents[] = {
        "fixtures/rules/AC003", "fixtures/rules/AC014", "fixtures/rules/AC017",
        "fixtures/cases"};
    size_t i, cap = 0;

    *n = 0;
    *dirs = NULL;
    for (i = 0; i < ACL_ARRAY_LEN(parents); i++) {
        DIR *d = opendir(parents[i]);
        struct dirent *e;

        while (d != NULL && (e = readdir(d)) != NULL) {
            if (strncmp(e->d_name, i < 3 ? "fail-" : "secrets-",
                        i < 3 ? 5 : 8) != 0)
                continue;
            acl_xgrow((void **)dirs, &cap, *n + 1, sizeof **dirs);
            (*dirs)[(*n)++] = acl_xasprintf("%s/%s", parents[i], e->d_name);
        }
        if (d != NULL)
            closedir(d);
    }
    ck_assert_uint_ge(*n, 10);
}

/* Runs the command line in-process on dir with --format fmt. */
static char *
run_format(const char *dir, const char *fmt, int *rc)
{
    char *argv[] = {"agentcore-lint", (char *)dir, "--format", (char *)fmt,
                    NULL};

    return acl_test_run_cli(NULL, argv, rc);
}

START_TEST(no_secret_in_any_format)
{
    static const char *const formats[] = {"human", "json", "gcc", "github",
                                          "sarif"};
    size_t nsec, ndirs, i, k, s;
    char **sec = secret_values(&nsec), **dirs;
    struct acl_buf inputs = {0};

    secret_projects(&dirs, &ndirs);
    acl_buf_append(&inputs, "", 0);
    for (i = 0; i < ndirs; i++) {
        read_tree(dirs[i], &inputs);
        for (k = 0; k < ACL_ARRAY_LEN(formats); k++) {
            int rc;
            char *out = run_format(dirs[i], formats[k], &rc);

            ck_assert_msg(rc == 1, "%s --format %s: exit %d", dirs[i],
                          formats[k], rc);
            if (k == 0)
                ck_assert_msg(strstr(out, "****") != NULL,
                              "%s: human output masks nothing", dirs[i]);
            for (s = 0; s < nsec; s++)
                ck_assert_msg(strstr(out, sec[s]) == NULL,
                              "%s --format %s prints the secret %.4s...",
                              dirs[i], formats[k], sec[s]);
            free(out);
        }
    }
    /* The list is live: every value is in some fixture's files. */
    for (s = 0; s < nsec; s++)
        ck_assert_msg(strstr(inputs.data, sec[s]) != NULL,
                      "secret %.4s... is in no fixture", sec[s]);
    for (s = 0; s < nsec; s++)
        free(sec[s]);
    free(sec);
    for (i = 0; i < ndirs; i++)
        free(dirs[i]);
    free(dirs);
    acl_buf_free(&inputs);
}
END_TEST

/* ---- the real-CLI corpus ---- */

static const char *const source_rules[] = {"AC003", "AC014", "AC015", "AC016",
                                           "AC017"};

static int
is_source_rule(const char *id)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(source_rules); i++)
        if (strcmp(source_rules[i], id) == 0)
            return 1;
    return 0;
}

/* Lints one corpus case with this module's rules; returns the
 * findings' count and the project (to look at its sources). */
static size_t
lint_corpus_case(const char *shared, const char *name,
                 struct acl_project **out_p)
{
    char *root = acl_xasprintf("%s/corpus/real-cli/%s", shared, name);
    struct acl_error err;
    struct acl_project *p = acl_project_load(root, name, NULL, 1u << 20, &err);
    struct acl_rule_conf *confs = acl_xcalloc(acl_rules_count(), sizeof *confs);
    struct acl_findings out = {0};
    size_t i, n;

    ck_assert_ptr_nonnull(p);
    acl_rule_confs_default(confs);
    for (i = 0; i < acl_rules_count(); i++)
        confs[i].enabled = is_source_rule(acl_rules_at(i)->id);
    acl_engine_lint(p, confs, &out);
    for (i = 0; i < out.n; i++)
        fprintf(stderr, "corpus %s: %s %s\n", name, out.items[i]->rule->id,
                out.items[i]->message);
    n = out.n;
    acl_findings_clear(&out);
    free(confs);
    free(root);
    *out_p = p;
    return n;
}

static const struct acl_source *
find_source(const struct acl_project *p, const char *path)
{
    size_t i;

    for (i = 0; i < p->files.nsources; i++)
        if (strcmp(p->files.sources[i].text->path, path) == 0)
            return &p->files.sources[i];
    return NULL;
}

/* Nothing to report on what the real CLI generates; ToolUser's client
 * reads the three gateway variables (with .get) and each maps to a
 * gateway of the project. */
START_TEST(corpus_quiet)
{
    static const char *const cases[] = {
        "a1-create-default", "a2-create-strands",  "b-gateway-noauth",
        "d-mcp-targets",     "e-lambda-arn-tools", "i-aws-targets",
        "k-kitchen-sink"};
    const char *shared = acl_test_shared_dir();
    const struct acl_source *client;
    struct acl_project *p;
    struct acl_error err;
    size_t i;

    if (shared == NULL)
        return;
    ck_assert_int_eq(acl_rules_init(&err), 0);
    for (i = 0; i < ACL_ARRAY_LEN(cases); i++) {
        ck_assert_uint_eq(lint_corpus_case(shared, cases[i], &p), 0);
        if (strcmp(cases[i], "k-kitchen-sink") == 0) {
            client = find_source(p, "app/ToolUser/mcp_client/client.py");
            ck_assert_ptr_nonnull(client);
            ck_assert_str_eq(client->owner, "ToolUser");
            ck_assert_ptr_nonnull(strstr(
                client->text->data,
                "os.environ.get(\"AGENTCORE_GATEWAY_JWT_EDGE_GW_URL\")"));
            ck_assert_ptr_nonnull(find_source(p, "app/TsAgent/main.ts"));
            ck_assert_ptr_null(find_source(p, "app/ToolUser/README.md"));
        }
        acl_project_free(p);
    }
    acl_rules_fini();
}
END_TEST

/* ---- patterns ---- */

START_TEST(regex_find_groups)
{
    struct acl_error err;
    struct acl_regex *re = acl_regex_new("k=(\\w+)(x)?", &err);
    size_t ov[6];
    const char text[] = "a k=v1 k=v2";

    ck_assert_ptr_nonnull(re);
    ck_assert_int_eq(acl_regex_find(re, text, strlen(text), 0, ov, 6), 1);
    ck_assert_uint_eq(ov[2], 4);
    ck_assert_uint_eq(ov[3], 6);
    ck_assert_uint_eq(ov[4], (size_t)-1);
    ck_assert_int_eq(acl_regex_find(re, text, strlen(text), 6, ov, 6), 1);
    ck_assert_uint_eq(ov[2], 9);
    ck_assert_int_eq(acl_regex_find(re, text, strlen(text), 12, ov, 6), 0);
    acl_regex_free(re);
    ck_assert_ptr_null(acl_regex_new("(", &err));
    ck_assert_ptr_nonnull(strstr(err.text, "pattern ("));
}
END_TEST

/* A match that reaches pcre2's limit is -1 ("gave up"), never 0; a
 * UTF-8 pattern does not match a subject that is not UTF-8. */
START_TEST(regex_limit_is_not_no_match)
{
    struct acl_error err;
    struct acl_regex *re = acl_regex_new("^(a+)+$", &err);
    struct acl_regex *utf = acl_regex_compile(
        "^\\p{L}+$", ACL_RE_UTF | ACL_RE_DOLLAR_ENDONLY | ACL_RE_PAD_SUBJECT,
        &err);
    char text[64];

    ck_assert_ptr_nonnull(re);
    ck_assert_ptr_nonnull(utf);
    memset(text, 'a', 40);
    text[40] = '!';
    ck_assert_int_eq(acl_regex_find(re, text, 41, 0, NULL, 0), -1);
    ck_assert_int_eq(acl_regex_find(re, text, 40, 0, NULL, 0), 1);
    ck_assert_int_eq(acl_regex_find(utf, "caf\xC3\xA9", 5, 0, NULL, 0), 1);
    ck_assert_int_eq(acl_regex_find(utf, "caf\xC3", 4, 0, NULL, 0), 0);
    ck_assert_int_eq(acl_regex_find(utf, "ab\n", 3, 0, NULL, 0), 0);
    acl_regex_free(re);
    acl_regex_free(utf);
}
END_TEST

static size_t
jit_size(const pcre2_code *code)
{
    size_t n = 0;

    pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &n);
    return n;
}

/* A pattern is machine-compiled only once it has scanned ACL_JIT_AFTER
 * bytes, and matches the same before and after. */
START_TEST(jit_is_lazy)
{
    int err, has_jit = 0;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile(
        (PCRE2_SPTR) "sk-[a-z]{4}", PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
    pcre2_match_data *md = pcre2_match_data_create(2, NULL);
    struct acl_jit jit = {0};
    const char text[] = "xx sk-abcd yy";
    size_t i;

    ck_assert_ptr_nonnull(code);
    pcre2_config(PCRE2_CONFIG_JIT, &has_jit);
    for (i = 0; i + sizeof text - 1 < ACL_JIT_AFTER; i += sizeof text - 1) {
        acl_jit_account(&jit, code, sizeof text - 1);
        ck_assert_int_eq(pcre2_match(code, (PCRE2_SPTR)text, sizeof text - 1, 0,
                                     0, md, NULL),
                         1);
    }
    ck_assert_uint_eq(jit_size(code), 0);
    acl_jit_account(&jit, code, sizeof text - 1);
    acl_jit_account(&jit, code, sizeof text - 1);
    if (has_jit && getenv("ACL_NO_JIT") == NULL)
        ck_assert_uint_gt(jit_size(code), 0);
    else
        ck_assert_uint_eq(jit_size(code), 0);
    ck_assert_int_eq(
        pcre2_match(code, (PCRE2_SPTR)text, sizeof text - 1, 0, 0, md, NULL),
        1);
    ck_assert_uint_eq(pcre2_get_ovector_pointer(md)[0], 3);
    pcre2_match_data_free(md);
    pcre2_code_free(code);
}
END_TEST

Suite *
acl_suite_codescan(void)
{
    Suite *s = suite_create("codescan");
    TCase *tc = tcase_create("loader");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, loader_endings_and_skips);
    tcase_add_test(tc, loader_size_limit);
    tcase_add_test(tc, loader_links_and_fifo);
    tcase_add_test(tc, loader_root_outside);
    tcase_add_test(tc, loader_dotdot_folds);
    tcase_add_test(tc, loader_depth_bound);
    tcase_add_test(tc, loader_harness_folders);
    tcase_add_test(tc, loader_notices);
    tcase_add_test(tc, loader_path_max);
    tcase_add_test(tc, loader_unreadable_folder);
    suite_add_tcase(s, tc);
    tc = tcase_create("lexer");
    tcase_add_test(tc, lex_python);
    tcase_add_test(tc, lex_js);
    tcase_add_test(tc, lex_jsx);
    tcase_add_test(tc, lex_jsx_hostile);
    tcase_add_test(tc, lex_lang_of_path);
    tcase_add_test(tc, assigned_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("patterns");
    tcase_add_test(tc, regex_find_groups);
    tcase_add_test(tc, regex_limit_is_not_no_match);
    tcase_add_test(tc, jit_is_lazy);
    suite_add_tcase(s, tc);
    tc = tcase_create("secrets_in_outputs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, no_secret_in_any_format);
    suite_add_tcase(s, tc);
    tc = tcase_create("corpus");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, corpus_quiet);
    suite_add_tcase(s, tc);
    return s;
}
