build-clang/src/main.o: src/main.c include/acl/cli.h

include/acl/cli.h:
