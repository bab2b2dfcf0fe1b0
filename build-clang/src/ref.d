build-clang/src/ref.o: src/ref.c include/acl/file.h include/acl/util.h \
  include/acl/model_build.h include/acl/model.h include/acl/json.h \
  include/acl/ref.h

include/acl/file.h:

include/acl/util.h:

include/acl/model_build.h:

include/acl/model.h:

include/acl/json.h:

include/acl/ref.h:
