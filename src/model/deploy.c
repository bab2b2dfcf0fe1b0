/*
 * deploy.c - the model of aws-targets.json and .cli/deployed-state.json:
 * deployment targets, and the runtimes and gateways already deployed.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/jptr.h"
#include "model/model_build.h"

static void
build_targets(struct acl_project *p, const struct acl_doc *doc)
{
    json_t *arr = doc != NULL ? doc->root : NULL, *e;
    size_t i;

    p->model.deploy_targets = acl_alloc_for(
        arr, sizeof *p->model.deploy_targets, &p->model.ndeploy_targets);
    json_array_foreach (arr, i, e) {
        struct acl_deploy_target *t;

        if (!json_is_object(e))
            continue;
        t = &p->model.deploy_targets[p->model.ndeploy_targets++];
        t->name = acl_json_str(e, "name");
        acl_node_set(&t->node, doc, acl_jptr_index("", i), e, t->name);
    }
}

struct deployed_list {
    struct acl_deployed *items;
    size_t n, cap;
};

/* Adds every entry of a resource map (name -> state object). */
static void
add_map(struct deployed_list *l, const struct acl_doc *doc, const char *base,
        const char *target, json_t *map, const char *idkey, const char *arnkey,
        int mcp)
{
    const char *name;
    size_t klen;
    json_t *v;

    json_object_keylen_foreach(map, name, klen, v)
    {
        struct acl_deployed *d;

        if (!json_is_object(v))
            continue;
        acl_xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
        d = &l->items[l->n++];
        memset(d, 0, sizeof *d);
        d->target = target;
        d->name = name;
        d->id = acl_json_str(v, idkey);
        d->arn = acl_json_str(v, arnkey);
        d->url = acl_json_str(v, "gatewayUrl");
        d->mcp = mcp;
        acl_node_set(&d->node, doc, acl_jptr_join(base, name, klen), v, name);
    }
}

static void
add_target_state(struct deployed_list *rt, struct deployed_list *gw,
                 const struct acl_doc *doc, const char *tname, size_t tlen,
                 json_t *res)
{
    static const char *const rt_maps[] = {"runtimes", "mcp/runtimes"};
    static const char *const gw_maps[] = {"gateways", "mcp/gateways"};
    char *base = acl_jptr_join("/targets", tname, tlen), *rbase;
    size_t i;

    rbase = acl_xasprintf("%s/resources", base);
    for (i = 0; i < 2; i++) {
        char *mb = acl_xasprintf("%s/%s", rbase, rt_maps[i]);

        add_map(rt, doc, mb, tname, acl_json_path(res, rt_maps[i]), "runtimeId",
                "runtimeArn", i == 1);
        free(mb);
        mb = acl_xasprintf("%s/%s", rbase, gw_maps[i]);
        add_map(gw, doc, mb, tname, acl_json_path(res, gw_maps[i]), "gatewayId",
                "gatewayArn", i == 1);
        free(mb);
    }
    free(rbase);
    free(base);
}

void
acl_build_deploy(struct acl_project *p, const struct acl_doc *targets,
                 const struct acl_doc *state)
{
    struct deployed_list rt = {0}, gw = {0};
    json_t *map =
        state != NULL ? json_object_get(state->root, "targets") : NULL;
    const char *tname;
    size_t tlen;
    json_t *t;

    build_targets(p, targets);
    json_object_keylen_foreach(map, tname, tlen, t)
    {
        json_t *res = json_object_get(t, "resources");

        if (json_is_object(res))
            add_target_state(&rt, &gw, state, tname, tlen, res);
    }
    p->model.deployed_runtimes = rt.items;
    p->model.ndeployed_runtimes = rt.n;
    p->model.deployed_gateways = gw.items;
    p->model.ndeployed_gateways = gw.n;
}

void
acl_free_deploy(struct acl_project *p)
{
    size_t i;

    for (i = 0; i < p->model.ndeploy_targets; i++)
        acl_node_clear(&p->model.deploy_targets[i].node);
    free(p->model.deploy_targets);
    for (i = 0; i < p->model.ndeployed_runtimes; i++)
        acl_node_clear(&p->model.deployed_runtimes[i].node);
    free(p->model.deployed_runtimes);
    for (i = 0; i < p->model.ndeployed_gateways; i++)
        acl_node_clear(&p->model.deployed_gateways[i].node);
    free(p->model.deployed_gateways);
}
