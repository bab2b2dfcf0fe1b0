build-clang/test/check_main.o: test/check_main.c test/check_acl.h \
  test/suites.def

test/check_acl.h:

test/suites.def:
