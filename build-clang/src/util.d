build-clang/src/util.o: src/util.c include/acl/util.h

include/acl/util.h:
