build-clang/src/file.o: src/file.c include/acl/file.h include/acl/util.h

include/acl/file.h:

include/acl/util.h:
