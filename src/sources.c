/*
 * sources.c - agent source files of a project (placeholder: filled in
 * by the source scanner).
 */
#include "acl/model.h"

void
acl_project_load_sources(struct acl_project *p)
{
    p->sources_loaded = 1;
}
