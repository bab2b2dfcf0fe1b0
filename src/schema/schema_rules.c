/*
 * schema_rules.c - cross-field rules within one object (reference 4.1):
 * runtimes, lifecycle, the JWT authorizer, memories, evaluators, online
 * evals, AB tests, payments. Each runs only on an object that passed its
 * member checks, so members have the types the tables say.
 */
#include <stdio.h>
#include <string.h>

#include "schema_int.h"

static int
sx_is(json_t *obj, const char *key, const char *value)
{
    const char *s = acl_sx_str(obj, key);

    return s != NULL && strcmp(s, value) == 0;
}

/* ---- Runtimes --------------------------------------------------------- */

/* networkConfig goes with networkMode VPC, and only with it (runtimes
 * and harnesses alike). */
static void
sx_vpc_pair(struct acl_sx_ctx *cx, int vpc, json_t *nc)
{
    if (vpc && nc == NULL)
        acl_sx_fail_at(cx, "networkConfig",
                       "networkConfig is required when networkMode is VPC");
    if (!vpc && nc != NULL)
        acl_sx_fail_at(cx, "networkConfig",
                       "networkConfig is only allowed when networkMode is VPC");
}

static void
sx_runtime_network(struct acl_sx_ctx *cx, json_t *v)
{
    int vpc = sx_is(v, "networkMode", "VPC");
    json_t *nc = json_object_get(v, "networkConfig");
    int container =
        sx_is(v, "build", "Container") || acl_sx_has(v, "dockerfile");

    sx_vpc_pair(cx, vpc, nc);
    if (acl_sx_has(v, "capacityProviderConfiguration") &&
        (acl_sx_has(v, "networkMode") || nc != NULL))
        acl_sx_fail_at(
            cx, "capacityProviderConfiguration",
            "capacityProviderConfiguration cannot be combined with a "
            "networkMode or VPC networking: the capacity provider "
            "supplies the network, so leave networkMode and "
            "networkConfig unset");
    if (vpc && container && nc != NULL && acl_sx_len(nc, "securityGroups") > 5)
        acl_sx_fail_at(cx, "networkConfig/securityGroups",
                       "Container builds in VPC mode allow at most 5 security "
                       "groups (CodeBuild limit)");
}

/* The authorizer pair shared by runtimes and harnesses. */
static void
sx_authorizer_pair(struct acl_sx_ctx *cx, json_t *v)
{
    int jwt = sx_is(v, "authorizerType", "CUSTOM_JWT");
    json_t *ac = json_object_get(v, "authorizerConfiguration");

    if (jwt && !acl_sx_has(ac, "customJwtAuthorizer"))
        acl_sx_fail_at(cx, "authorizerConfiguration",
                       "authorizerConfiguration with customJwtAuthorizer is "
                       "required when authorizerType is CUSTOM_JWT");
    if (!jwt && ac != NULL)
        acl_sx_fail_at(cx, "authorizerConfiguration",
                       "authorizerConfiguration is only allowed when "
                       "authorizerType is CUSTOM_JWT");
}

static void
sx_runtime_container(struct acl_sx_ctx *cx, json_t *v)
{
    static const char *const fields[] = {"dockerfile", "buildContextPath",
                                         "customDockerBuildArgs"};
    static const char *const reserved[] = {"ECR_REGISTRY",
                                           "IMAGE_URI",
                                           "DOCKERFILE_PATH",
                                           "BUILD_ARG_FLAGS",
                                           "PATH",
                                           "HOME",
                                           "IFS",
                                           "LD_PRELOAD",
                                           "LD_LIBRARY_PATH",
                                           "DOCKER_HOST",
                                           "DOCKER_CONFIG",
                                           "DOCKER_TLS_VERIFY",
                                           "DOCKER_CERT_PATH"};
    json_t *args = json_object_get(v, "customDockerBuildArgs"), *val;
    const char *key;
    size_t i, len, old;

    for (i = 0; i < ACL_ARRAY_LEN(fields); i++)
        if (!sx_is(v, "build", "Container") && acl_sx_has(v, fields[i]))
            acl_sx_fail_at(cx, fields[i],
                           "%s is only allowed for Container builds",
                           fields[i]);
    json_object_keylen_foreach(args, key, len, val)
    {
        int bad =
            acl_starts_with(key, "CODEBUILD_") || acl_starts_with(key, "AWS_");

        if (acl_sx_is_proto(key, len))
            continue;
        for (i = 0; i < ACL_ARRAY_LEN(reserved) && !bad; i++)
            bad = strlen(reserved[i]) == len && strcmp(key, reserved[i]) == 0;
        if (!bad)
            continue;
        old = acl_sx_push(cx, "customDockerBuildArgs", 21);
        acl_sx_push(cx, key, len);
        acl_sx_fail_at(cx, NULL,
                       "customDockerBuildArgs key \"%s\" is reserved by "
                       "the build environment (CODEBUILD_*, AWS_* and the "
                       "buildspec and shell variables)",
                       key);
        acl_sx_pop(cx, old);
        (void)val;
    }
}

/* The mount path of a filesystem entry, without one trailing '/'. */
static json_t *
sx_fs_inner(json_t *fc, const char **kind)
{
    static const char *const kinds[] = {"sessionStorage", "efsAccessPoint",
                                        "s3FilesAccessPoint",
                                        "capacityProviderVolume"};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(kinds); i++) {
        json_t *in = json_object_get(fc, kinds[i]);

        if (in != NULL) {
            *kind = kinds[i];
            return in;
        }
    }
    *kind = "";
    return NULL;
}

/* Do two mount paths collide once one trailing '/' is removed? */
static int
sx_paths_unique(json_t *paths)
{
    json_t *seen = json_object(), *p;
    size_t i;
    int ok = 1;

    json_array_foreach (paths, i, p) {
        const char *s = json_string_value(p);
        size_t n = json_string_length(p);

        if (n > 0 && s[n - 1] == '/')
            n--;
        if (json_object_getn(seen, s, n) != NULL)
            ok = 0;
        json_object_setn(seen, s, n, json_true());
    }
    json_decref(seen);
    return ok;
}

static void
sx_runtime_filesystems(struct acl_sx_ctx *cx, json_t *v)
{
    json_t *fcs = json_object_get(v, "filesystemConfigurations"), *fc;
    json_t *paths = json_array();
    size_t i, efs = 0, s3 = 0, ss = 0, cp = 0;
    const char *kind, *where = "filesystemConfigurations";

    json_array_foreach (fcs, i, fc) {
        json_t *in = sx_fs_inner(fc, &kind);

        efs += strcmp(kind, "efsAccessPoint") == 0;
        s3 += strcmp(kind, "s3FilesAccessPoint") == 0;
        ss += strcmp(kind, "sessionStorage") == 0;
        cp += strcmp(kind, "capacityProviderVolume") == 0;
        json_array_append(paths, json_object_get(in, "mountPath"));
    }
    if (cp > 0 && !acl_sx_has(v, "capacityProviderConfiguration"))
        acl_sx_fail_at(cx, where,
                       "capacityProviderVolume filesystem mounts require "
                       "the runtime to be attached to a capacity provider "
                       "(set capacityProviderConfiguration)");
    if (json_array_size(fcs) > 5)
        acl_sx_fail_at(cx, where,
                       "Maximum 5 filesystem configurations allowed");
    if (efs > 2)
        acl_sx_fail_at(cx, where,
                       "Maximum 2 efsAccessPoint configurations allowed");
    if (s3 > 2)
        acl_sx_fail_at(cx, where,
                       "Maximum 2 s3FilesAccessPoint configurations allowed");
    if (ss > 1)
        acl_sx_fail_at(cx, where,
                       "Maximum 1 sessionStorage configuration allowed");
    if (efs + s3 > 0 && !sx_is(v, "networkMode", "VPC"))
        acl_sx_fail_at(cx, where,
                       "efsAccessPoint and s3FilesAccessPoint filesystem "
                       "mounts require networkMode: VPC");
    if (!sx_paths_unique(paths))
        acl_sx_fail_at(cx, where, "Filesystem mount paths must be unique");
    json_decref(paths);
}

void
acl_sx_rule_runtime(struct acl_sx_ctx *cx, json_t *v)
{
    sx_runtime_network(cx, v);
    sx_authorizer_pair(cx, v);
    sx_runtime_container(cx, v);
    sx_runtime_filesystems(cx, v);
}

void
acl_sx_rule_lifecycle(struct acl_sx_ctx *cx, json_t *v)
{
    json_t *idle = json_object_get(v, "idleRuntimeSessionTimeout");
    json_t *max = json_object_get(v, "maxLifetime");

    if (idle != NULL && max != NULL &&
        json_number_value(idle) > json_number_value(max))
        acl_sx_fail_at(cx, "idleRuntimeSessionTimeout",
                       "idleRuntimeSessionTimeout must be <= maxLifetime");
}

void
acl_sx_rule_cp_config(struct acl_sx_ctx *cx, json_t *v)
{
    acl_sx_exactly_one(cx, v, "capacityProviderArn", "capacityProviderName",
                       "capacityProviderConfiguration must set exactly one "
                       "of capacityProviderArn or capacityProviderName");
}

/* ---- Harness spec: the runtime rules under other names ---------------- */

void
acl_sx_rule_harness(struct acl_sx_ctx *cx, json_t *v)
{
    int vpc = sx_is(v, "networkMode", "VPC");
    json_t *nc = json_object_get(v, "networkConfig"), *paths = json_array(),
           *ap;
    int container =
        acl_sx_has(v, "containerUri") || acl_sx_has(v, "dockerfile");
    const char *lists[] = {"efsAccessPoints", "s3AccessPoints"};
    size_t i, k;

    if (acl_sx_has(v, "containerUri") && acl_sx_has(v, "dockerfile"))
        acl_sx_fail_at(cx, "containerUri",
                       "containerUri and dockerfile are "
                       "mutually exclusive");
    sx_vpc_pair(cx, vpc, nc);
    if (vpc && container && nc != NULL && acl_sx_len(nc, "securityGroups") > 5)
        acl_sx_fail_at(cx, "networkConfig/securityGroups",
                       "Container builds in VPC mode allow at most 5 security "
                       "groups (CodeBuild limit)");
    if ((acl_sx_len(v, lists[0]) > 0 || acl_sx_len(v, lists[1]) > 0) && !vpc)
        acl_sx_fail_at(cx, "efsAccessPoints",
                       "efsAccessPoints and s3AccessPoints "
                       "require networkMode: VPC");
    if (acl_sx_has(v, "sessionStoragePath"))
        json_array_append(paths, json_object_get(v, "sessionStoragePath"));
    for (k = 0; k < 2; k++)
        json_array_foreach (json_object_get(v, lists[k]), i, ap)
            json_array_append(paths, json_object_get(ap, "mountPath"));
    if (!sx_paths_unique(paths))
        acl_sx_fail_at(cx, "efsAccessPoints",
                       "Filesystem mount paths must be unique");
    json_decref(paths);
    sx_authorizer_pair(cx, v);
}

/* ---- Custom JWT authorizer -------------------------------------------- */

static const char *
sx_endpoint_arm(json_t *pe)
{
    if (acl_sx_has(pe, "selfManagedLatticeResource"))
        return "selfManagedLatticeResource";
    return acl_sx_has(pe, "managedVpcResource") ? "managedVpcResource" : "";
}

static void
sx_jwt_overrides(struct acl_sx_ctx *cx, json_t *v)
{
    json_t *ov = json_object_get(v, "privateEndpointOverrides"), *o;
    json_t *seen = json_object();
    json_t *base = json_object_get(v, "privateEndpoint");
    char path[80];
    size_t i;

    if (json_array_size(ov) > 0 && base == NULL)
        acl_sx_fail_at(cx, "privateEndpointOverrides",
                       "privateEndpointOverrides can "
                       "only be used when privateEndpoint is also set");
    json_array_foreach (ov, i, o) {
        const char *d = acl_sx_str(o, "domain");
        json_t *d_json = json_object_get(o, "domain");

        snprintf(path, sizeof path,
                 "privateEndpointOverrides/%zu/privateEndpoint", i);
        if (base != NULL &&
            strcmp(sx_endpoint_arm(base),
                   sx_endpoint_arm(json_object_get(o, "privateEndpoint"))))
            acl_sx_fail_at(cx, path,
                           "privateEndpoint and privateEndpointOverrides "
                           "must all be the same kind: all "
                           "selfManagedLatticeResource or all "
                           "managedVpcResource");
        snprintf(path, sizeof path, "privateEndpointOverrides/%zu/domain", i);
        if (json_object_getn(seen, d, json_string_length(d_json)) != NULL)
            acl_sx_fail_at(cx, path,
                           "Duplicate privateEndpointOverride domain: %s", d);
        json_object_setn(seen, d, json_string_length(d_json), json_true());
    }
    json_decref(seen);
}

void
acl_sx_rule_jwt(struct acl_sx_ctx *cx, json_t *v)
{
    if (acl_sx_len(v, "allowedAudience") == 0 &&
        acl_sx_len(v, "allowedClients") == 0 &&
        acl_sx_len(v, "allowedScopes") == 0 &&
        acl_sx_len(v, "customClaims") == 0)
        acl_sx_fail_at(cx, NULL,
                       "At least one of allowedAudience, allowedClients, "
                       "allowedScopes, or customClaims must be provided");
    sx_jwt_overrides(cx, v);
}

void
acl_sx_rule_private_endpoint(struct acl_sx_ctx *cx, json_t *v)
{
    if (acl_sx_has(v, "selfManagedLatticeResource") ==
        acl_sx_has(v, "managedVpcResource"))
        acl_sx_fail_at(cx, NULL,
                       "A private endpoint must set exactly one of "
                       "selfManagedLatticeResource or managedVpcResource");
}

void
acl_sx_rule_claim_value(struct acl_sx_ctx *cx, json_t *v)
{
    int one = acl_sx_has(v, "matchValueString");
    int list = acl_sx_has(v, "matchValueStringList");

    if (!one && !list)
        acl_sx_fail_at(cx, NULL,
                       "Either matchValueString or matchValueStringList "
                       "must be provided");
    if (one && list)
        acl_sx_fail_at(cx, NULL,
                       "Only one of matchValueString or "
                       "matchValueStringList may be provided");
}
