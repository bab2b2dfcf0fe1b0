build-clang/src/project.o: src/project.c include/acl/file.h \
  include/acl/util.h include/acl/jptr.h include/acl/model_build.h \
  include/acl/model.h include/acl/json.h

include/acl/file.h:

include/acl/util.h:

include/acl/jptr.h:

include/acl/model_build.h:

include/acl/model.h:

include/acl/json.h:
