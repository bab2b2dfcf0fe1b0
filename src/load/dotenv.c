/*
 * dotenv.c - .env files inside code folders, and their assignments.
 */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/dotenv.h"
#include "acl/ref.h"

int
acl_dotenv_name(const char *name, int *template_file)
{
    static const char *const templates[] = {".example", ".sample", ".template",
                                            ".dist",    ".tmpl",   ".defaults",
                                            ".tpl"};
    size_t i;

    *template_file = 0;
    if (strcmp(name, ".env") != 0 && strncmp(name, ".env.", 5) != 0)
        return 0;
    for (i = 0; i < ACL_ARRAY_LEN(templates); i++)
        if (acl_ends_with(name, templates[i]))
            *template_file = 1;
    return 1;
}

static int
skipped_dir(const char *name)
{
    static const char *const dirs[] = {"node_modules", "venv",  "__pycache__",
                                       "dist",         "build", "cdk.out",
                                       "site-packages"};
    size_t i;

    if (name[0] == '.')
        return 1;
    for (i = 0; i < ACL_ARRAY_LEN(dirs); i++)
        if (strcmp(name, dirs[i]) == 0)
            return 1;
    return 0;
}

/* The project's agentcore/ folder: its .env.local is git-ignored and
 * never deployed, even when a runtime's codeLocation is the root. */
static int
cli_folder(const char *rel)
{
    while (strncmp(rel, "./", 2) == 0)
        rel += 2;
    return strcmp(rel, "agentcore") == 0;
}

struct walk {
    const struct acl_project *p;
    /* What is done with each dotenv file found (rel: its path). */
    void (*found)(struct walk *w, const char *rel, int template_file);
    void (*fn)(const struct acl_text *t, int template_file, void *arg);
    void *arg;
    size_t entries;
};

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **
list_dir(struct walk *w, const char *abs, size_t *n)
{
    DIR *d = opendir(abs);
    struct dirent *e;
    char **names = NULL;
    size_t cap = 0;

    *n = 0;
    while (d != NULL && (e = readdir(d)) != NULL &&
           w->entries < ACL_DOTENV_MAX_ENTRIES) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        w->entries++;
        acl_xgrow((void **)&names, &cap, *n + 1, sizeof *names);
        names[(*n)++] = acl_xstrdup(e->d_name);
    }
    if (d != NULL)
        closedir(d);
    if (*n > 1)
        qsort(names, *n, sizeof *names, cmp_names);
    return names;
}

/* Links are not followed into folders (no loops); files are read by
 * the reference cache, which refuses any that lead outside the root. */
static void
walk_dir(struct walk *w, const char *abs, const char *rel, int depth)
{
    size_t n, i;
    char **names = list_dir(w, abs, &n);

    for (i = 0; i < n; i++) {
        char *sub_abs = acl_xasprintf("%s/%s", abs, names[i]);
        char *sub_rel = acl_xasprintf("%s/%s", rel, names[i]);
        struct stat st;
        int tmpl;

        if (lstat(sub_abs, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < ACL_DOTENV_MAX_DEPTH && !skipped_dir(names[i]) &&
                !cli_folder(sub_rel))
                walk_dir(w, sub_abs, sub_rel, depth + 1);
        } else if (acl_dotenv_name(names[i], &tmpl)) {
            w->found(w, sub_rel, tmpl);
        }
        free(sub_abs);
        free(sub_rel);
        free(names[i]);
    }
    free(names);
}

/* Walks the code folder rel, if it is one inside the project. */
static void
walk_code_folder(struct walk *w, const char *rel)
{
    char real[PATH_MAX];
    struct stat st;
    size_t n;
    char *root;

    if (rel == NULL || rel[0] == '\0' ||
        acl_ref_resolve(w->p, rel, real) != ACL_REF_OK ||
        stat(real, &st) != 0 || !S_ISDIR(st.st_mode))
        return;
    root = acl_xstrdup(rel);
    n = strlen(root);
    while (n > 1 && root[n - 1] == '/')
        root[--n] = '\0';
    walk_dir(w, real, root, 0);
    free(root);
}

static void
found_each(struct walk *w, const char *rel, int template_file)
{
    const struct acl_text *t = NULL;

    if (acl_ref_text(w->p, rel, &t) == ACL_REF_OK && t != NULL)
        w->fn(t, template_file, w->arg);
}

static void
found_preload(struct walk *w, const char *rel, int template_file)
{
    (void)template_file;
    acl_ref_preload(w->p, rel, ACL_REF_TEXT);
}

void
acl_dotenv_each(const struct acl_project *p, const char *rel,
                void (*fn)(const struct acl_text *t, int template_file,
                           void *arg),
                void *arg)
{
    struct walk w = {p, found_each, fn, arg, 0};

    walk_code_folder(&w, rel);
}

void
acl_dotenv_preload(const struct acl_project *p, const char *rel)
{
    struct walk w = {p, found_preload, NULL, NULL, 0};

    walk_code_folder(&w, rel);
}

static int
blank(int c)
{
    return c == ' ' || c == '\t';
}

static int
name_char(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* The value of the line [i, eol): quoted, or bare up to " #". */
static void
line_value(const char *s, size_t i, size_t eol, struct acl_dotenv_line *out)
{
    while (i < eol && blank((unsigned char)s[i]))
        i++;
    if (i < eol && (s[i] == '"' || s[i] == '\'')) {
        const char *close = memchr(s + i + 1, s[i], eol - i - 1);

        out->value_start = i + 1;
        out->value_end = close != NULL ? (size_t)(close - s) : eol;
        return;
    }
    out->value_start = i;
    while (i < eol && !(s[i] == '#' && i > out->value_start &&
                        blank((unsigned char)s[i - 1])))
        i++;
    while (i > out->value_start && blank((unsigned char)s[i - 1]))
        i--;
    out->value_end = i;
}

int
acl_dotenv_next(const char *s, size_t len, size_t *pos,
                struct acl_dotenv_line *out)
{
    size_t i = *pos;

    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t eol = nl != NULL ? (size_t)(nl - s) : len, j;

        *pos = eol < len ? eol + 1 : len;
        if (eol > i && s[eol - 1] == '\r')
            eol--;
        while (i < eol && blank((unsigned char)s[i]))
            i++;
        if (eol - i > 7 && strncmp(s + i, "export ", 7) == 0)
            i += 7;
        for (j = i; j < eol && name_char((unsigned char)s[j]); j++)
            ;
        out->name_start = i;
        out->name_end = j;
        while (j < eol && blank((unsigned char)s[j]))
            j++;
        if (j > i && j < eol && s[j] == '=' && s[i] != '#') {
            line_value(s, j + 1, eol, out);
            return 1;
        }
        i = *pos;
    }
    return 0;
}
