build-clang/src/model.o: src/model.c include/acl/jptr.h \
  include/acl/util.h include/acl/model_build.h include/acl/model.h \
  include/acl/json.h include/acl/file.h

include/acl/jptr.h:

include/acl/util.h:

include/acl/model_build.h:

include/acl/model.h:

include/acl/json.h:

include/acl/file.h:
