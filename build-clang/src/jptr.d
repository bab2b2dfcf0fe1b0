build-clang/src/jptr.o: src/jptr.c include/acl/jptr.h include/acl/util.h

include/acl/jptr.h:

include/acl/util.h:
