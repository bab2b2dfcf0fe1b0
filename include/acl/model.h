/*
 * model.h - the project model: typed views of an AgentCore project.
 *
 * A project (struct acl_project) has three parts: its files (struct
 * acl_files: what was read, and from where), its model (struct
 * acl_model: what the files say, built once per project from the loaded
 * JSON files) and its notice log. Every node keeps the JSON pointer of
 * the value it came from, so rules report at nodes and never build
 * pointers themselves. Strings (const char *) are borrowed from the
 * jansson values of the project's documents; they stay valid until
 * acl_project_free(). A string field is NULL when the member is absent
 * or not a string.
 */
#ifndef ACL_MODEL_H
#define ACL_MODEL_H

#include <jansson.h>
#include <stddef.h>

#include "acl/finding.h"
#include "acl/json.h"

/* Where a model value lives: a JSON value in one of the project files. */
struct acl_node {
    const struct acl_doc *doc;
    char *ptr;      /* RFC 6901 pointer; owned by the model */
    json_t *json;   /* borrowed from doc */
    char *resource; /* "gw", "gw/target", runtime, credential... or NULL */
};

/* A member of a string map (envVars-like objects, headers). */
struct acl_kv {
    const char *key; /* may hold NUL: key_len bytes */
    size_t key_len;
    const char *value; /* NULL when the value is not a string */
    struct acl_node node;
};

enum acl_target_type {
    ACL_TT_UNKNOWN = 0,
    ACL_TT_LAMBDA,
    ACL_TT_MCP_SERVER,
    ACL_TT_OPENAPI,
    ACL_TT_SMITHY,
    ACL_TT_APIGATEWAY,
    ACL_TT_LAMBDA_ARN,
    ACL_TT_HTTP_RUNTIME,
    ACL_TT_CONNECTOR,
    ACL_TT_PASSTHROUGH
};

enum acl_auth_type {
    ACL_AUTH_NONE = 0, /* also when outboundAuth or its type is absent */
    ACL_AUTH_OAUTH,
    ACL_AUTH_API_KEY,
    ACL_AUTH_GATEWAY_IAM_ROLE,
    ACL_AUTH_JWT_PASSTHROUGH,
    ACL_AUTH_OTHER /* a value the schema does not know */
};

/* Boolean members with a schema default: absent is not the same as
 * explicitly set. */
enum acl_tri { ACL_ABSENT = 0, ACL_FALSE, ACL_TRUE, ACL_WRONG_TYPE };

struct acl_gateway;

struct acl_target {
    struct acl_node node;
    const struct acl_gateway *gateway; /* NULL in unassignedTargets */
    const char *name;
    const char *type_text;
    enum acl_target_type type;
    const char *endpoint;             /* "endpoint" */
    const char *passthrough_endpoint; /* "passthrough.endpoint" */
    int has_outbound_auth;            /* "outboundAuth" is present */
    const char *auth_type_text;       /* "outboundAuth.type" */
    enum acl_auth_type auth_type;
    const char *credential_name; /* "outboundAuth.credentialName" */
    size_t credential_name_len;  /* its length (a NUL inside counts) */
    const char *auth_service;    /* "outboundAuth.service" */
    int has_tool_definitions;    /* "toolDefinitions" is an array */
    size_t ntool_definitions;
    const char *tool_schema_file;   /* "lambdaFunctionArn.toolSchemaFile" */
    const char *inline_schema_path; /* "schemaSource.inline.path" */
    int schema_in_s3;               /* "schemaSource.s3" is present */
    const char *http_runtime;       /* "httpRuntime.runtime" */
    const char *connector_id;       /* "connectorId" */
    int has_configurations;
    size_t nconfigurations;
    json_t *api_gateway; /* "apiGateway" object, borrowed, or NULL */
};

struct acl_gateway {
    struct acl_node node;
    const char *name;
    const char *protocol_type;
    const char *authorizer_type; /* NULL when absent: the default NONE */
    const char *discovery_url;   /* authorizerConfiguration.customJwt... */
    enum acl_tri semantic_search;
    const char *exception_level;
    int has_policy_engine;          /* policyEngineConfiguration present */
    const char *policy_engine_name; /* its policyEngineName */
    size_t policy_engine_name_len;  /* its length (NULs inside count) */
    const char *policy_mode;        /* its mode */
    struct acl_target *targets;
    size_t ntargets;
};

struct acl_envvar {
    const char *name;
    const char *value; /* NULL when not a string */
    struct acl_node node;
};

struct acl_runtime {
    struct acl_node node;
    const char *name;
    const char *build;
    const char *protocol; /* NULL when absent: HTTP */
    const char *code_location;
    const char *entrypoint;
    const char *discovery_url; /* authorizerConfiguration.customJwt... */
    struct acl_envvar *envvars;
    size_t nenvvars;
    struct acl_kv *build_args; /* customDockerBuildArgs */
    size_t nbuild_args;
};

enum acl_cred_kind {
    ACL_CRED_OTHER = 0,
    ACL_CRED_API_KEY,
    ACL_CRED_OAUTH,
    ACL_CRED_PAYMENT
};

struct acl_credential {
    struct acl_node node;
    const char *name;
    const char *authorizer_type;
    enum acl_cred_kind kind;
    const char *usage; /* "inbound", "outbound" or NULL */
    const char *discovery_url;
    const char *provider; /* payment credentials: CoinbaseCDP... */
};

struct acl_policy {
    struct acl_node node;
    const char *name;
    const char *statement;
    const char *enforcement_mode; /* NULL when absent: ACTIVE */
    const char *source_file;
};

struct acl_policy_engine {
    struct acl_node node;
    const char *name;
    struct acl_policy *policies;
    size_t npolicies;
};

struct acl_harness_tool {
    struct acl_node node; /* in harness.json */
    const char *name;
    const char *type;
    const char *remote_url; /* config.remoteMcp.url */
    struct acl_kv *headers; /* config.remoteMcp.headers */
    size_t nheaders;
};

struct acl_harness {
    struct acl_node node; /* the harnesses[] entry in agentcore.json */
    const char *name;
    const char *path;
    /* The harness.json of app/<name>/ (what the CLI reads), or NULL
     * when it is missing or unreadable. */
    const struct acl_doc *spec;
    struct acl_node spec_node; /* its root; doc NULL when spec is NULL */
    const char *discovery_url; /* harness.json authorizerConfiguration.
                                  customJwtAuthorizer.discoveryUrl */
    struct acl_kv *env;        /* environmentVariables */
    size_t nenv;
    struct acl_harness_tool *tools;
    size_t ntools;
};

/* A payment manager (payments[]): only what rules read so far. */
struct acl_payment {
    struct acl_node node;
    const char *name;
    const char *discovery_url; /* authorizerConfiguration.
                                  customJWTAuthorizer.discoveryUrl */
};

struct acl_deploy_target {
    struct acl_node node;
    const char *name;
};

/* One resource recorded in deployed-state.json. */
struct acl_deployed {
    struct acl_node node;
    const char *target; /* the deployment target key */
    const char *name;   /* the resource name key */
    const char *id;     /* runtimeId / gatewayId */
    const char *arn;    /* runtimeArn / gatewayArn */
    const char *url;    /* gatewayUrl (gateways only) */
    int mcp;            /* under resources.mcp: an MCP runtime tool or
                           the gateway map dev mode reads */
};

/* The production context (agentcore-lint(1), PRODUCTION
 * CONTEXT), computed once. */
struct acl_production {
    int on;
    /* The deployment target whose name made it production, or NULL when
     * --production or the config said so. */
    const char *target;
};

/* What the command line and config say about production. */
struct acl_prod_opts {
    int force;          /* --production or config "production": true */
    int never;          /* --no-production */
    const char *target; /* --target NAME, or NULL */
    const char **names; /* config productionTargets, or NULL */
    size_t nnames;
};

enum acl_doc_kind {
    ACL_DOC_PROJECT = 0, /* agentcore/agentcore.json */
    ACL_DOC_TARGETS,     /* agentcore/aws-targets.json */
    ACL_DOC_STATE,       /* agentcore/.cli/deployed-state.json */
    ACL_DOC_HARNESS,     /* app/<harness>/harness.json */
    ACL_DOC_REFERENCED   /* a tool or schema file a target names */
};

struct acl_schema_verdict;

struct acl_loaded_doc {
    struct acl_doc *doc; /* owned */
    enum acl_doc_kind kind;
    /* What the CLI's schema says of it (schema.h), judged once when the
     * project is loaded; owned; NULL for referenced files and documents
     * that are not valid JSON. */
    struct acl_schema_verdict *schema;
};

struct acl_code_file;

/* A source file of agent code (see acl_project_load_sources). */
struct acl_source {
    struct acl_text *text; /* owned */
    const char *owner;     /* runtime or harness name */
    /* Its tokens and analysis (codeflow.h), built when the sources are
     * loaded, before any rule runs; owned; NULL for other files. */
    struct acl_code_file *code;
};

struct acl_refcache;
struct acl_overlay;

/* The file registry of a project: where it is, and every file read from
 * it (the JSON files, agent code, referenced files). Everything here is
 * owned by the project except overlay; the model borrows the documents'
 * texts and jansson values. */
struct acl_files {
    char *root;      /* the project root as a path usable for opening */
    char *real_root; /* its resolved absolute path */
    char *display;   /* how users see the root ("." or a relative path) */
    struct acl_loaded_doc *docs; /* every JSON file read, in load order */
    size_t ndocs;
    struct acl_source *sources; /* filled by acl_project_load_sources */
    size_t nsources;
    int sources_loaded;
    struct acl_refcache *refs; /* referenced files (ref.h), read on load */
    /* Contents that override the disk (overlay.h); borrowed, or NULL. */
    const struct acl_overlay *overlay;
    struct acl_overlay *owned_overlay; /* the same, when the project owns it */
    int env_local_exists; /* agentcore/.env.local is a regular file */
};

/* What the files say: the typed resources, the indexes that find them
 * by name, and the production context. The arrays, nodes and indexes
 * are owned by the model; the strings and JSON values are borrowed from
 * the documents of struct acl_files, so the model is freed first. */
struct acl_model {
    const char *name;
    struct acl_node spec; /* root of agentcore.json; doc NULL if absent */
    struct acl_runtime *runtimes;
    size_t nruntimes;
    struct acl_gateway *gateways;
    size_t ngateways;
    struct acl_target *unassigned;
    size_t nunassigned;
    struct acl_credential *credentials;
    size_t ncredentials;
    struct acl_policy_engine *engines;
    size_t nengines;
    struct acl_harness *harnesses;
    size_t nharnesses;
    struct acl_payment *payments;
    size_t npayments;
    struct acl_deploy_target *deploy_targets;
    size_t ndeploy_targets;
    struct acl_deployed *deployed_runtimes;
    size_t ndeployed_runtimes;
    struct acl_deployed *deployed_gateways;
    size_t ndeployed_gateways;
    struct acl_production production;
    /* Name -> index of the first resource with that name (JSON integer
     * values), so lookups stay fast on huge projects; see lookup.h. */
    const struct acl_target **all_targets; /* every target, lookup.h */
    size_t nall_targets;
    json_t *runtime_index;
    json_t *credential_index;
    json_t *engine_index;
    json_t *gateway_var_index; /* by acl_env_var_part of the name */
};

/* A project: the files read, what they say, and the notice log. It owns
 * all three; acl_project_free frees the model before the files it
 * borrows from. Rules see it const. */
struct acl_project {
    struct acl_files files;
    struct acl_model model;
    /* Owned: files that could not be read, scans that did not finish.
     * A log kept beside the model, which the loader and the rules (that
     * see the project const) add to with acl_project_notice. */
    struct acl_notices *notices;
};

/* Records that a file of the project could not be read, or was not
 * scanned whole: "FILE: TEXT" is shown as a tool notice. */
void acl_project_notice(const struct acl_project *p, const char *file,
                        const char *fmt, ...) ACL_PRINTF(3, 4);

/* Helpers for reading typed members of a node's JSON value. */
const char *acl_json_str(json_t *obj, const char *key);
/* The same, with *len its length (0 when absent): a NUL inside is part
 * of the string, so names are compared with their lengths. */
const char *acl_json_strn(json_t *obj, const char *key, size_t *len);
/* Follows a '/'-separated path of plain member names ("a/b/c"). */
json_t *acl_json_path(json_t *obj, const char *path);

/* Builds the model of the project at root (the folder holding
 * agentcore/), reading its files. display is how paths are shown;
 * max_size caps every JSON file (bytes). Returns NULL and fills err
 * only when the project cannot be linted at all (exit 2): a file that
 * is too big, or agentcore.json that is not a regular file. Syntax
 * errors are kept in the docs for AC000. Free with acl_project_free. */
struct acl_project *acl_project_load(const char *root, const char *display,
                                     const struct acl_prod_opts *prod,
                                     size_t max_size, struct acl_error *err);
/* The same, reading every file from overlay first (the unsaved text of
 * open documents); overlay is borrowed for the project's life and may
 * hold the project's agentcore.json when the disk has none. */
struct acl_project *acl_project_load_overlay(
    const char *root, const char *display, const struct acl_prod_opts *prod,
    size_t max_size, const struct acl_overlay *overlay, struct acl_error *err);
/* Reads a file of p (path: as opened; key: its absolute resolved path,
 * or NULL) through p's overlay, as acl_read_file reads. */
enum acl_read_status acl_project_read(const struct acl_project *p,
                                      const char *key, const char *path,
                                      size_t max, char **out, size_t *len,
                                      struct acl_error *err);
/* Builds a project with the text of one file, spec_path below root,
 * from elsewhere (standard input); data is taken over. When root holds
 * agentcore/agentcore.json on disk, spec_path may name any file of the
 * project, which the text overrides; else the text is the project's
 * agentcore.json, shown as spec_path. */
struct acl_project *acl_project_load_text(const char *root, const char *display,
                                          const char *spec_path, char *data,
                                          size_t len,
                                          const struct acl_prod_opts *prod,
                                          size_t max_size,
                                          struct acl_error *err);
void acl_project_free(struct acl_project *p);

/* Reads the agent source files (agentcore-lint(1), agent source files)
 * into p->files.sources, once, and analyses each (codeflow.h). A file or
 * folder that cannot be read, or that a bound leaves out, is named in
 * a notice. */
void acl_project_load_sources(struct acl_project *p);

/* Is name a production target name (agentcore-lint(1), PRODUCTION CONTEXT), given the config
 * list (names, n) that replaces the default when non-NULL? */
int acl_production_name(const char *name, const char **names, size_t n);

#endif
