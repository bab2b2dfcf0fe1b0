build-clang/src/sources.o: src/sources.c include/acl/model.h \
  include/acl/json.h include/acl/file.h include/acl/util.h

include/acl/model.h:

include/acl/json.h:

include/acl/file.h:

include/acl/util.h:
