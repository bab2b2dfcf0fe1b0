build-clang/src/json.o: src/json.c include/acl/json.h include/acl/file.h \
  include/acl/util.h include/acl/jptr.h

include/acl/json.h:

include/acl/file.h:

include/acl/util.h:

include/acl/jptr.h:
