/*
 * bench.c - side-by-side timings for `make bench`: for each project, the
 * full lint (all rules, SARIF output, as a separate process) against
 * jansson's json_load_file alone on the same agentcore.json, and the
 * lint's peak resident memory against the file's size.
 *
 * usage: bench LINTER RUNS PROJECT...
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs the linter once; returns wall seconds and sets *rss_kb. */
static double
lint_once(const char *bin, const char *project, long *rss_kb)
{
    struct rusage ru;
    double t0 = now();
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        execl(bin, bin, "-f", "sarif", "-o", "/dev/null", "--fail-on", "none",
              project, (char *)NULL);
        _exit(127);
    }
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return -1;
    *rss_kb = ru.ru_maxrss;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return now() - t0;
}

static double
load_once(const char *file)
{
    json_error_t err;
    double t0 = now(), t;
    json_t *v = json_load_file(file, 0, &err);

    t = now() - t0;
    if (v == NULL)
        return -1;
    json_decref(v);
    return t;
}

static void
bench_project(const char *bin, int runs, const char *project)
{
    char file[4096];
    struct stat st;
    double lint = 1e9, load = 1e9, mb;
    long rss = 0, r = 0;
    int i;

    snprintf(file, sizeof file, "%s/agentcore/agentcore.json", project);
    if (stat(file, &st) != 0) {
        fprintf(stderr, "bench: %s: missing\n", file);
        return;
    }
    mb = (double)st.st_size / (1024.0 * 1024.0);
    for (i = 0; i < runs; i++) {
        double t = lint_once(bin, project, &r), u = load_once(file);

        if (t >= 0 && t < lint)
            lint = t;
        if (u >= 0 && u < load)
            load = u;
        if (r > rss)
            rss = r;
    }
    printf("%-28s %9.2f %10.1f %10.1f %7.2f %10.1f %9.1f %7.2f\n", project, mb,
           lint * 1000, load * 1000, lint / load, lint * 1000 / mb,
           (double)rss / 1024.0, (double)rss / 1024.0 / mb);
}

int
main(int argc, char **argv)
{
    int runs, i;

    if (argc < 4) {
        fprintf(stderr, "usage: bench LINTER RUNS PROJECT...\n");
        return 2;
    }
    runs = atoi(argv[2]);
    printf("%-28s %9s %10s %10s %7s %10s %9s %7s\n", "project", "MiB",
           "lint ms", "parse ms", "ratio", "ms/MiB", "RSS MiB", "RSS/MiB");
    for (i = 3; i < argc; i++)
        bench_project(argv[1], runs > 0 ? runs : 1, argv[i]);
    return 0;
}
