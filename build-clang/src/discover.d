build-clang/src/discover.o: src/discover.c include/acl/discover.h \
  include/acl/util.h

include/acl/discover.h:

include/acl/util.h:
