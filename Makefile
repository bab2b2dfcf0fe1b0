# agentcore-lint - GNU make, no autotools.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
PKG_CONFIG ?= pkg-config
CC ?= cc
CFLAGS ?= -O2 -g

ifdef SANITIZE
O ?= build-san
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
else
O ?= build
SAN_FLAGS =
endif

# The project's home: SARIF informationUri and helpUri, the docs links.
HOME_URL ?= https://github.com/agentcore-lint/agentcore-lint

DEPS = jansson libpcre2-8
# Warnings are errors for developers (make DEV=1) and in make ci, not in
# users' builds (the pre-commit hook and the Action build with whatever
# compiler the machine has, and a new warning must not stop them).
ifneq ($(filter ci,$(MAKECMDGOALS)),)
DEV = 1
endif
ifdef DEV
export DEV
endif
WERROR = $(if $(DEV),-Werror)
WARN = -std=c17 -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wvla -Wno-format-nonliteral
DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null)
DEPS_LIBS := $(shell $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)
ALL_CFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -Irules \
             -DACL_HOME_URL='"$(HOME_URL)"' \
             $(DEPS_CFLAGS) $(WARN) $(SAN_FLAGS) $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)

SRC := $(filter-out src/cli/main.c,$(wildcard src/*.c src/*/*.c)) \
       $(filter-out rules/TEMPLATE.c,$(wildcard rules/*.c))
OBJ := $(patsubst %.c,$(O)/%.o,$(SRC))
TEST_SRC := $(wildcard test/check_*.c)
TEST_OBJ := $(patsubst %.c,$(O)/%.o,$(TEST_SRC))
BIN = agentcore-lint
TEST_BIN = $(O)/check_acl

.PHONY: check-deps-ok dist setup-test fuzz fuzz-lsp fuzz-corpus-code bench ci example all check unit golden cli-test clean setup deps-ok install uninstall \
        valgrind check-sarif check-schema bench fuzz lint-man format generate \
        check-precommit check-config-schema check-template format-check fuzz-corpus-config

all: deps-ok $(BIN)

# A fresh Debian 12 machine lacks the -dev packages: say how to get them.
# The program needs only jansson and pcre2; the test library (check)
# only make check.
deps-ok:
	@$(PKG_CONFIG) --exists $(DEPS) || { \
	  echo "agentcore-lint: missing build dependencies (pkg-config," \
	       "libjansson-dev, libpcre2-dev); run 'make setup'" >&2; \
	  exit 2; }

check-deps-ok:
	@$(PKG_CONFIG) --exists check || { \
	  echo "agentcore-lint: make check needs the test library check" \
	       "(libcheck: apt-get install check); run 'make setup'" >&2; \
	  exit 2; }

setup:
	@sh tools/setup.sh

# What `make ci` needs besides the build dependencies.
setup-test:
	@sh tools/setup.sh test

ifdef SANITIZE
$(BIN): $(O)/$(BIN)
	@:
else
$(BIN): $(O)/$(BIN)
	cp $< $@
endif

$(O)/$(BIN): $(OBJ) $(O)/src/cli/main.o
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DEPS_LIBS)

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/test/%.o: test/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

# The suites include check.h: say what is missing before compiling them.
$(TEST_OBJ): | check-deps-ok

$(TEST_BIN): $(OBJ) $(TEST_OBJ) | check-deps-ok
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DEPS_LIBS) $(CHECK_LIBS)

# The whole suite: unit and golden tests (one libcheck binary), then the
# command-line tests against the built program. The fixtures live in this
# repository, which tracks their agentcore/.env.local files; as git does,
# the search for an enclosing work tree stops at the repository, so each
# fixture is linted as a world of its own (AC011 reads the git index).
check valgrind: export GIT_CEILING_DIRECTORIES = $(CURDIR)
check: all $(TEST_BIN) $(O)/$(BIN) check-template
	ACL_GOLDEN_DIFF_DIR=$(O)/golden-diff $(TEST_BIN)
	ACL_BIN=$(O)/$(BIN) sh test/cli.sh
	ACL_BIN=$(O)/$(BIN) sh test/adoption.sh
	ACL_BIN=$(O)/$(BIN) sh test/action.sh
	ACL_BIN=$(O)/$(BIN) HOSTILE_NO_VLIMIT=$(SANITIZE) \
	  HOSTILE_TIMEOUT=$(if $(SANITIZE),180,20) sh test/hostile.sh
	ACL_BIN=$(O)/$(BIN) MAKE="$(MAKE)" sh test/install.sh
	ACL_BIN=$(O)/$(BIN) sh test/fix.sh
	ACL_BIN=$(O)/$(BIN) LSP_RSS_CHECK=$(if $(SANITIZE),0,1) sh test/lsp.sh

# rules/TEMPLATE.c is not built in, but must stay a rule that compiles.
check-template:
	$(CC) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -Irules \
	  $(DEPS_CFLAGS) $(WARN) -fsyntax-only rules/TEMPLATE.c

# Files generated from the rule tables and committed, so that they are
# there for readers and editors without a build. Run after adding or
# changing a rule; test/cli.sh fails while they are out of date.
generate: all
	./$(BIN) --generate man-rules >man/agentcore-lint-rules.7.tmp
	mv man/agentcore-lint-rules.7.tmp man/agentcore-lint-rules.7
	@mkdir -p docs
	./$(BIN) --generate rules-md >docs/rules.md.tmp
	mv docs/rules.md.tmp docs/rules.md
	./$(BIN) --generate config-schema >schema/agentcore-lint.schema.json.tmp
	mv schema/agentcore-lint.schema.json.tmp schema/agentcore-lint.schema.json

MANPAGES = man/agentcore-lint.1 man/agentcore-lint-rules.7

# clang-format with .clang-format over the C sources (not the generated
# IDNA table). format-check changes nothing and fails when a file would
# change; `make ci` runs it.
CLANG_FORMAT ?= clang-format
FORMAT_SRC = $(filter-out src/schema/schema_idna.c,$(wildcard src/*.c src/*/*.c src/*/*.h \
             include/acl/*.h rules/*.c test/*.c test/*.h fuzz/*.c bench/*.c))

format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

format-check:
	$(CLANG_FORMAT) --dry-run -Werror $(FORMAT_SRC)

# mandoc's linter: no warning allowed.
lint-man:
	mandoc -Tlint -Wwarning $(MANPAGES)

# The hook of .pre-commit-hooks.yaml, run by pre-commit itself.
check-precommit:
	sh test/precommit.sh

# The shipped JSON Schema accepts the documented configs and refuses
# what the program refuses (python3-jsonschema).
check-config-schema: all
	ACL_BIN=./$(BIN) sh test/config-schema.sh

# Installs the build of this configuration ($(O)), so that it also works
# under SANITIZE=1, where ./$(BIN) is not refreshed.
install: deps-ok $(O)/$(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR)
	install -m 0755 $(O)/$(BIN) $(DESTDIR)$(BINDIR)/$(BIN)
	install -m 0644 man/agentcore-lint.1 $(DESTDIR)$(MANDIR)/man1/agentcore-lint.1
	install -m 0644 man/agentcore-lint-rules.7 \
	  $(DESTDIR)$(MANDIR)/man7/agentcore-lint-rules.7
	install -m 0644 completions/agentcore-lint.bash \
	  $(DESTDIR)$(BASHCOMPDIR)/agentcore-lint

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/$(BIN) \
	  $(DESTDIR)$(MANDIR)/man1/agentcore-lint.1 \
	  $(DESTDIR)$(MANDIR)/man7/agentcore-lint-rules.7 \
	  $(DESTDIR)$(BASHCOMPDIR)/agentcore-lint

# ACL_NO_JIT: pcre2 JIT loads past the subject, which valgrind reports.
valgrind: all $(TEST_BIN)
	ACL_NO_JIT=1 CK_FORK=no valgrind -q --error-exitcode=1 --leak-check=full \
	  --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible \
	  $(TEST_BIN)

# The schema parity check against the AgentCore CLI's own zod schema
# (needs node and npm; installs the schema into .cache/ on first use).
$(O)/schema_verdict: $(OBJ) $(O)/test/schema_verdict.o
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(DEPS_LIBS)

check-schema: all $(O)/schema_verdict
	O=$(O) sh tools/check-schema.sh

# Every fixture's SARIF log through the Microsoft SARIF Multitool (npm,
# cached in .cache/sarif-multitool): no error, no warning.
check-sarif: all
	sh tools/check-sarif.sh

clean:
	rm -rf build build-san build-clang build-fuzz $(BIN) agentcore-lint-*.tar.gz

# A release tarball of the committed tree (git archive: no build products,
# no local files), named by the version in include/acl/version.h.
VERSION := $(shell sed -n 's/^\#define ACL_VERSION "\(.*\)"/\1/p' include/acl/version.h)
dist:
	git archive --format=tar.gz --prefix=agentcore-lint-$(VERSION)/ \
	  -o agentcore-lint-$(VERSION).tar.gz HEAD
	@echo agentcore-lint-$(VERSION).tar.gz

-include $(wildcard $(O)/src/*.d $(O)/src/*/*.d $(O)/rules/*.d $(O)/test/*.d)

# Build and lint the bundled example project. Its findings are expected:
# the example is there to show them.
example: all
	./$(BIN) examples/demo || [ $$? = 1 ]

# Everything CI runs: the suite with gcc, under ASan+UBSan, under
# valgrind, and a clang build with the same warnings; the manual pages,
# the config schema and the pre-commit hook.
ci:
	$(MAKE) format-check
	$(MAKE) O=build-clang CC=clang build-clang/$(BIN) build-clang/check_acl
	$(MAKE) SANITIZE=1 check
	$(MAKE) valgrind
	$(MAKE) lint-man
	$(MAKE) check-config-schema
	$(MAKE) check-precommit
	$(MAKE) fuzz FUZZ_SECONDS=40 >$(O)/fuzz.log 2>&1 || { tail -50 $(O)/fuzz.log; exit 1; }
	tail -2 $(O)/fuzz.log
	$(MAKE) check-schema
	$(MAKE) check-sarif
	$(MAKE) --no-print-directory check

# Benchmarks (not part of the tests): figures go to BENCHMARKS.md.
$(O)/bench: bench/bench.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -std=c17 -D_DEFAULT_SOURCE -Wall -Wextra -Werror $(DEPS_CFLAGS) -o $@ $< $(DEPS_LIBS)

bench: all $(O)/bench
	sh bench/run.sh ./$(BIN) $(O)/bench

# libFuzzer over the whole pipeline (clang), seeded from fixtures/.
FUZZ_SECONDS ?= 60
FUZZ_O = build-fuzz
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
$(FUZZ_O)/fuzz_lint: fuzz/fuzz_lint.c $(SRC) $(wildcard include/acl/*.h src/*/*.h) rules/rules.def
	@mkdir -p $(FUZZ_O)
	clang -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -Irules \
	  $(DEPS_CFLAGS) -std=c17 $(FUZZ_FLAGS) -o $@ fuzz/fuzz_lint.c $(SRC) $(DEPS_LIBS)

$(FUZZ_O)/fuzz_lsp: fuzz/fuzz_lsp.c $(SRC) $(wildcard include/acl/*.h src/*/*.h) rules/rules.def
	@mkdir -p $(FUZZ_O)
	clang -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -Irules \
	  $(DEPS_CFLAGS) -std=c17 $(FUZZ_FLAGS) -o $@ fuzz/fuzz_lsp.c $(SRC) $(DEPS_LIBS)

# The language server's input: framing, messages, edits, actions.
fuzz-lsp: $(FUZZ_O)/fuzz_lsp
	@mkdir -p $(FUZZ_O)/lsp-corpus
	$(FUZZ_O)/fuzz_lsp -max_total_time=$(FUZZ_SECONDS) -max_len=16384 \
	  -timeout=10 -rss_limit_mb=2048 -dict=fuzz/lsp.dict \
	  -artifact_prefix=$(FUZZ_O)/lsp- $(FUZZ_O)/lsp-corpus fuzz/lsp-seeds

# The agent-code front end, seeded from the fixtures' agent code (the
# first byte of each seed picks the language).
$(FUZZ_O)/fuzz_code: fuzz/fuzz_code.c $(SRC) $(wildcard include/acl/*.h src/*/*.h) rules/rules.def
	@mkdir -p $(FUZZ_O)
	clang -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -Irules \
	  $(DEPS_CFLAGS) -std=c17 $(FUZZ_FLAGS) -o $@ fuzz/fuzz_code.c $(SRC) $(DEPS_LIBS)

fuzz-corpus-code:
	@mkdir -p $(FUZZ_O)/corpus-code
	find fixtures examples -type f \( -name '*.py' -o -name '*.ts' -o -name '*.tsx' \
	  -o -name '*.js' -o -name '*.jsx' -o -name '*.mjs' \) | while read -r f; do \
	    case $$f in *.py) b=0 ;; *.tsx) b=2 ;; *.jsx) b=4 ;; *.ts) b=1 ;; *.mjs) b=5 ;; *) b=3 ;; esac; \
	    { printf "\\$$(printf %o $$b)"; cat "$$f"; } \
	      >"$(FUZZ_O)/corpus-code/$$(echo "$$f" | md5sum | cut -c1-16)"; done

# The config and baseline readers, seeded from the fixtures' config
# files and expected SARIF logs.
$(FUZZ_O)/fuzz_config: fuzz/fuzz_config.c $(SRC) $(wildcard include/acl/*.h src/*/*.h) rules/rules.def
	@mkdir -p $(FUZZ_O)
	clang -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc -Irules \
	  $(DEPS_CFLAGS) -std=c17 $(FUZZ_FLAGS) -o $@ fuzz/fuzz_config.c $(SRC) $(DEPS_LIBS)

fuzz-corpus-config:
	@mkdir -p $(FUZZ_O)/corpus-config
	find fixtures examples -name '.agentcore-lint*.json' -o -name '*.sarif' | \
	  while read -r f; do \
	    cp "$$f" "$(FUZZ_O)/corpus-config/$$(echo "$$f" | md5sum | cut -c1-16)"; done

# Every harness, FUZZ_SECONDS each.
fuzz: $(FUZZ_O)/fuzz_lint $(FUZZ_O)/fuzz_config $(FUZZ_O)/fuzz_lsp $(FUZZ_O)/fuzz_code \
      fuzz-corpus-config fuzz-corpus-code
	@mkdir -p $(FUZZ_O)/corpus
	find fixtures -path '*/agentcore/agentcore.json' -exec sh -c \
	  'cp "$$1" "$(FUZZ_O)/corpus/$$(echo "$$1" | md5sum | cut -c1-16)"' _ {} \;
	$(FUZZ_O)/fuzz_lint -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -timeout=10 -rss_limit_mb=2048 -dict=fuzz/agentcore.dict \
	  -artifact_prefix=$(FUZZ_O)/ $(FUZZ_O)/corpus fuzz/regressions
	$(FUZZ_O)/fuzz_config -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -timeout=10 -rss_limit_mb=2048 -dict=fuzz/config.dict \
	  -artifact_prefix=$(FUZZ_O)/config- $(FUZZ_O)/corpus-config \
	  fuzz/regressions-config
	$(FUZZ_O)/fuzz_code -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_O)/code- \
	  $(FUZZ_O)/corpus-code fuzz/regressions-code
	$(MAKE) --no-print-directory fuzz-lsp
