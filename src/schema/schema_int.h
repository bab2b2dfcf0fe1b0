/*
 * schema_int.h - the schema as data: type and object descriptors shared by
 * the validator engine (schema.c), the tables (schema_*.c) and the
 * cross-field rules (schema_rules*.c). Internal to the schema module.
 *
 * A descriptor says what a JSON value must look like, in the words of the
 * reference (/work/shared/reference/agentcore-json.md): its type, enum
 * values, pattern, bounds, members and strictness. Rules that zod writes
 * as refinements are small named functions referenced from the tables.
 * Every descriptor is static, read-only data; nothing here allocates.
 */
#ifndef ACL_SCHEMA_INT_H
#define ACL_SCHEMA_INT_H

#include <jansson.h>
#include <stddef.h>

#include "acl/schema.h"
#include "acl/util.h"

enum acl_sx_kind {
    ACL_SX_ANY = 0, /* any JSON value, null included */
    ACL_SX_STRING,
    ACL_SX_URL,    /* a string the WHATWG URL parser accepts */
    ACL_SX_INT,    /* finite, no fraction, |x| <= 2^53-1 */
    ACL_SX_NUMBER, /* finite */
    ACL_SX_BOOL,
    ACL_SX_ENUM, /* a string out of a fixed list */
    ACL_SX_ARRAY,
    ACL_SX_OBJECT,
    ACL_SX_MAP,    /* an object used as a dictionary */
    ACL_SX_UNION,  /* first-match union of options */
    ACL_SX_DUNION, /* discriminated union: a member picks the option */
    ACL_SX_NEVER   /* the member must be absent */
};

/* Bounds flags: string length (UTF-16 code units), number value, array
 * items or map entries, depending on the kind. */
#define ACL_SX_MIN 1u
#define ACL_SX_MAX 2u
#define ACL_SX_TRIM 4u /* strings: trim JS whitespace before checking */

enum acl_sx_mode { ACL_SX_STRIP = 0, ACL_SX_STRICT, ACL_SX_PASSTHROUGH };
enum acl_sx_presence { ACL_SX_OPT = 0, ACL_SX_REQ, ACL_SX_DEF };

struct acl_sx_ctx;
struct acl_sx_type;

/* A refinement on one value, run after its own checks passed. */
typedef void (*acl_sx_check_fn)(struct acl_sx_ctx *cx, json_t *v);

struct acl_sx_member {
    const char *name;
    const struct acl_sx_type *type;
    enum acl_sx_presence presence;
    const char *def; /* the schema default (D=...), for readers and rules */
};

struct acl_sx_object {
    const char *name; /* the schema's name for it, e.g. "AgentEnvSpec" */
    enum acl_sx_mode mode;
    const struct acl_sx_member *members;
    size_t nmembers;
    /* Cross-field rules: run only when the object had no violation. */
    acl_sx_check_fn rule;
};

struct acl_sx_type {
    enum acl_sx_kind kind;
    unsigned flags; /* ACL_SX_MIN, ACL_SX_MAX, ACL_SX_TRIM */
    double min, max;
    int pattern;                    /* enum acl_sx_pat, 0 for none */
    const char *const *values;      /* enums: NULL-terminated */
    const struct acl_sx_type *item; /* array items, map values */
    const struct acl_sx_type *key;  /* map keys (NULL: any string) */
    const struct acl_sx_object *obj;
    /* Unions: the options; DUNION also names its tag member, and the
     * tag value assumed when the member is absent (NULL: required). */
    const struct acl_sx_type *const *options;
    size_t noptions;
    const char *tag;
    const char *tag_default;
    const char *desc; /* unions: the accepted forms, for messages */
    /* Arrays: items must differ in this string member ("a|b": the first
     * of a, b present); msg prefixes the duplicate ("Duplicate x name"). */
    const char *unique;
    const char *unique_msg;
    acl_sx_check_fn check;
};

/* Patterns, compiled once (schema_pattern.c). */
enum acl_sx_pat {
    ACL_PAT_NONE = 0,
    ACL_PAT_PROJECT_NAME,
    ACL_PAT_NAME48,       /* runtime, memory, evaluator, ... */
    ACL_PAT_NAME48_UPPER, /* policy engine, policy */
    ACL_PAT_HARNESS_NAME,
    ACL_PAT_BUNDLE_NAME,
    ACL_PAT_KB_NAME, /* also capacity-provider volume names */
    ACL_PAT_PAYMENT_NAME,
    ACL_PAT_GATEWAY_NAME,
    ACL_PAT_CREDENTIAL_NAME,
    ACL_PAT_TARGET_NAME, /* deployment target */
    ACL_PAT_ENV_NAME,
    ACL_PAT_CONNECTION_ID,
    ACL_PAT_TOOL_NAME, /* harness tool */
    ACL_PAT_TAG,
    ACL_PAT_VPC_ID,
    ACL_PAT_SUBNET_ID,
    ACL_PAT_SG_ID,
    ACL_PAT_KMS_ARN,
    ACL_PAT_DATASET_KMS_ARN,
    ACL_PAT_ENTRYPOINT,
    ACL_PAT_PY_ENTRYPOINT,
    ACL_PAT_HEADER_NAME,
    ACL_PAT_MOUNT_PATH,
    ACL_PAT_EFS_ARN,
    ACL_PAT_S3FILES_ARN,
    ACL_PAT_CP_ARN,
    ACL_PAT_CP_ROLE_ARN,
    ACL_PAT_CP_SUBNET,
    ACL_PAT_CP_SG,
    ACL_PAT_INSTANCE_PROFILE_ARN,
    ACL_PAT_EBS_KMS_ARN,
    ACL_PAT_INDEXED_KEY,
    ACL_PAT_MEMORY_ARN,
    ACL_PAT_GATEWAY_ARN,
    ACL_PAT_RUNTIME_ARN,
    ACL_PAT_BROWSER_ARN,
    ACL_PAT_CODE_INTERPRETER_ARN,
    ACL_PAT_ROLE_ARN_PREFIX, /* gateway executionRoleArn: no $ */
    ACL_PAT_PASSTHROUGH_URL,
    ACL_PAT_S3_PREFIX,
    ACL_PAT_HTTPS_PREFIX,
    ACL_PAT_MATCH_VALUE,
    ACL_PAT_SCOPE,
    ACL_PAT_CLAIM_NAME,
    ACL_PAT_LATTICE,
    ACL_PAT_MODEL_ID,
    ACL_PAT_LAMBDA_ARN,
    ACL_PAT_ACCOUNT,
    ACL_PAT_CONTAINER_URI,
    ACL_PAT_ALLOWED_TOOL,
    ACL_PAT_S3_URI,
    ACL_PAT_S3_BUCKET,
    ACL_PAT_KB_ID,
    ACL_PAT_COUNT
};

struct acl_sx_ctx;

/* Compiles every pattern now (else each is compiled on first use).
 * Returns 0, or -1 and fills err naming the pattern that does not
 * compile (a table bug: the unit tests catch it). */
int acl_sx_pattern_init(struct acl_error *err);
void acl_sx_pattern_fini(void);
/* 1 when s (len bytes) matches pattern p, 0 when not. When pcre2 gives
 * up (its match limit) or the pattern does not compile, the value
 * counts as matching and cx (may be NULL) records the check as
 * incomplete, which becomes a notice. */
int acl_sx_pattern_match(struct acl_sx_ctx *cx, int p, const char *s,
                         size_t len);
const char *acl_sx_pattern_js(int p);
const char *acl_sx_pattern_desc(int p);

/* String helpers (schema_str.c). */
size_t acl_sx_utf16_len(const char *s, size_t len);
/* Bounds of s without JS whitespace (String.prototype.trim). */
void acl_sx_trim(const char *s, size_t len, size_t *start, size_t *end);
/* Does s hold a JavaScript whitespace code point (\s)? */
int acl_sx_has_space(const char *s, size_t len);
int acl_sx_js_space(unsigned long cp);
/* Is s well-formed UTF-8 (no surrogates, nothing above U+10FFFF)? */
int acl_sx_utf8_valid(const char *s, size_t len);
/* Decodes the code point at s[*i] (valid UTF-8 assumed; a stray byte
 * reads as itself) and advances *i. */
unsigned long acl_sx_next_cp(const char *s, size_t len, size_t *i);
/* How Node's URL parser treats a non-ASCII code point of a host
 * (schema_idna.c, generated by tools/gen-idna.js): kept, mapped to
 * something else, or refused. */
enum { ACL_SX_IDNA_VALID, ACL_SX_IDNA_MAPPED, ACL_SX_IDNA_REFUSED };
/* The classes the parser's bidi rule tells apart (RTL: R and AL;
 * NEUTRAL: ES, CS, ET, ON and BN). */
enum {
    ACL_SX_BIDI_L,
    ACL_SX_BIDI_EN,
    ACL_SX_BIDI_NEUTRAL,
    ACL_SX_BIDI_NSM,
    ACL_SX_BIDI_RTL,
    ACL_SX_BIDI_AN,
    ACL_SX_BIDI_OTHER
};
struct acl_sx_idna_run {
    unsigned int start;   /* first code point of the run */
    unsigned char status; /* inside a label | at its start << 2 | bidi << 4 */
};
extern const struct acl_sx_idna_run acl_sx_idna_runs[];
extern const size_t acl_sx_idna_nruns;
/* Does the WHATWG URL parser accept s (already trimmed)? (schema_url.c) */
int acl_sx_url_ok(const char *s, size_t len);
/* s trimmed and without ASCII TAB, CR, LF: what zod keeps of a URL. New
 * string, the caller frees it. */
char *acl_sx_url_clean(const char *s, size_t len, size_t *outlen);

/* The validation walk (schema.c), for rules. */
struct acl_sx_ctx {
    const struct acl_schema_sink *sink; /* NULL while trying an option */
    size_t count;                       /* violations so far */
    struct acl_buf ptr;                 /* pointer of the current value */
    const char *key_label;              /* set while checking a map key */
    int at_name; /* what is reported is the member's name, not its value */
    unsigned depth;
    json_t *index;       /* name lookups of the cross-resource rules */
    size_t incomplete;   /* values a pattern gave up on */
    char *incomplete_at; /* the pointer of the first one */
    /* Set by acl_schema_dropped: where dropped members go (NULL while
     * trying a union option, and in a plain validation). */
    const struct acl_schema_drop_sink *drop;
};

/* Records that the value at the current pointer could not be checked
 * (a pattern gave up); acl_schema_validate tells the sink. */
void acl_sx_incomplete(struct acl_sx_ctx *cx);

/* Member names (schema_members.c). The member of o that key (len
 * bytes) is likely meant to be: a known confusion (environmentVariables
 * for envVars), the same name in another spelling (env_vars), or a close
 * typo; NULL when none. The result points into o's tables. */
const char *acl_sx_member_suggest(const struct acl_sx_object *o,
                                  const char *key, size_t len);
/* Appends o's member names, comma-separated, to b. */
void acl_sx_member_list(struct acl_buf *b, const struct acl_sx_object *o);
/* Reports through cx->drop that o's member key is dropped (o NULL: a
 * key of a map, "__proto__", which zod's records skip). */
void acl_sx_report_drop(struct acl_sx_ctx *cx, const struct acl_sx_object *o,
                        const char *key, size_t len);
/* Reports through cx->drop o's members that are deprecated aliases
 * (a memory strategy's "namespaces"), present in v. */
void acl_sx_report_deprecated(struct acl_sx_ctx *cx,
                              const struct acl_sx_object *o, json_t *v);

/* Validates v (at the current pointer) against t. */
void acl_sx_value(struct acl_sx_ctx *cx, const struct acl_sx_type *t,
                  json_t *v);
/* Would v pass t? Counts only; reports nothing. */
int acl_sx_valid(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v);
/* Index of the first union option v passes, or -1. */
int acl_sx_first_match(struct acl_sx_ctx *cx, const struct acl_sx_type *t,
                       json_t *v);
/* Appends a member name or index to the pointer; returns the old length
 * for acl_sx_pop. */
size_t acl_sx_push(struct acl_sx_ctx *cx, const char *tok, size_t len);
size_t acl_sx_push_index(struct acl_sx_ctx *cx, size_t i);
void acl_sx_pop(struct acl_sx_ctx *cx, size_t old);
/* Reports a violation at the current pointer plus path, a '/'-separated
 * list of plain member names and indices ("" or NULL: here). */
void acl_sx_fail_at(struct acl_sx_ctx *cx, const char *path, const char *fmt,
                    ...) ACL_PRINTF(3, 4);
/* Reports a violation whose message starts with the current value's
 * quoted label: "name" must ... */
void acl_sx_fail(struct acl_sx_ctx *cx, const char *fmt, ...) ACL_PRINTF(2, 3);
/* Reports msg at the current pointer (missing: the absent member). */
void acl_sx_emit(struct acl_sx_ctx *cx, const char *missing, const char *msg);
/* Reports a value of the wrong JSON type: "x" must be <want> (got ...). */
void acl_sx_wrong_type(struct acl_sx_ctx *cx, const char *want, json_t *v);
/* Appends s as a quoted, escaped label for messages. */
void acl_sx_quote(struct acl_buf *b, const char *s, size_t len);

/* Member helpers for rules (NULL / 0 when absent or of another type). */
const char *acl_sx_str(json_t *obj, const char *key);
int acl_sx_has(json_t *obj, const char *key);
size_t acl_sx_len(json_t *obj, const char *key); /* array size */
/* Reports msg here unless obj has exactly one of members a and b. */
void acl_sx_exactly_one(struct acl_sx_ctx *cx, json_t *obj, const char *a,
                        const char *b, const char *msg);
int acl_sx_truthy(json_t *v); /* JavaScript truthiness */
/* Is this map key "__proto__"? zod's records skip it altogether. */
int acl_sx_is_proto(const char *key, size_t len);

/* Descriptor-building macros: the tables read like the reference. */
#define ACL_SX_VALUES(...) ((const char *const[]){__VA_ARGS__, NULL})
#define SX_T(...) (&(const struct acl_sx_type){__VA_ARGS__})
#define SX_ANY SX_T(.kind = ACL_SX_ANY)
#define SX_BOOL SX_T(.kind = ACL_SX_BOOL)
#define SX_STR SX_T(.kind = ACL_SX_STRING)
#define SX_STR_MIN(a) \
    SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN, .min = (a))
#define SX_STR_MAX(b) \
    SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MAX, .max = (b))
#define SX_STR_LEN(a, b)                                                      \
    SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = (a), \
         .max = (b))
#define SX_STR_PAT(p) SX_T(.kind = ACL_SX_STRING, .pattern = (p))
#define SX_STR_LEN_PAT(a, b, p)                                               \
    SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = (a), \
         .max = (b), .pattern = (p))
#define SX_URL SX_T(.kind = ACL_SX_URL)
#define SX_NUM SX_T(.kind = ACL_SX_NUMBER)
#define SX_NUM_RANGE(a, b)                                                    \
    SX_T(.kind = ACL_SX_NUMBER, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = (a), \
         .max = (b))
#define SX_INT SX_T(.kind = ACL_SX_INT)
#define SX_INT_MIN(a) SX_T(.kind = ACL_SX_INT, .flags = ACL_SX_MIN, .min = (a))
#define SX_INT_RANGE(a, b)                                                 \
    SX_T(.kind = ACL_SX_INT, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = (a), \
         .max = (b))
#define SX_ENUM(...) \
    SX_T(.kind = ACL_SX_ENUM, .values = ACL_SX_VALUES(__VA_ARGS__))
#define SX_ARR(t) SX_T(.kind = ACL_SX_ARRAY, .item = (t))
#define SX_ARR_MIN(t, a) \
    SX_T(.kind = ACL_SX_ARRAY, .item = (t), .flags = ACL_SX_MIN, .min = (a))
#define SX_ARR_MAX(t, b) \
    SX_T(.kind = ACL_SX_ARRAY, .item = (t), .flags = ACL_SX_MAX, .max = (b))
#define SX_ARR_LEN(t, a, b)                                                   \
    SX_T(.kind = ACL_SX_ARRAY, .item = (t), .flags = ACL_SX_MIN | ACL_SX_MAX, \
         .min = (a), .max = (b))
#define SX_MAP(k, v) SX_T(.kind = ACL_SX_MAP, .key = (k), .item = (v))
#define SX_OBJ(o) SX_T(.kind = ACL_SX_OBJECT, .obj = (o))
#define SX_NEVER SX_T(.kind = ACL_SX_NEVER)
#define SX_OBJECT(nm, md, mem, rl)                    \
    {                                                 \
        .name = (nm), .mode = (md), .members = (mem), \
        .nmembers = ACL_ARRAY_LEN(mem), .rule = (rl)  \
    }
#define SX_OPTIONS(...) ((const struct acl_sx_type *const[]){__VA_ARGS__})

/* Shared descriptors (schema_shared.c). */
extern const struct acl_sx_type acl_sx_tags;
extern const struct acl_sx_type acl_sx_network_config;
extern const struct acl_sx_type acl_sx_lifecycle;
extern const struct acl_sx_type acl_sx_authorizer_config;
extern const struct acl_sx_type acl_sx_connections;
extern const struct acl_sx_type acl_sx_tool_definition;
extern const struct acl_sx_type acl_sx_custom_claim;
extern const struct acl_sx_type acl_sx_mount_path;
extern const struct acl_sx_type acl_sx_efs_access_point;
extern const struct acl_sx_type acl_sx_s3files_access_point;
extern const struct acl_sx_type acl_sx_env_name;
extern const struct acl_sx_type acl_sx_kms_arn;
extern const struct acl_sx_type acl_sx_python_version;
extern const struct acl_sx_type acl_sx_node_version;
extern const struct acl_sx_type acl_sx_name48; /* AgentName and kin */
extern const struct acl_sx_type acl_sx_network_mode;

/* Top-level documents. */
extern const struct acl_sx_type acl_sx_project;           /* schema_project.c */
extern const struct acl_sx_type acl_sx_runtime;           /* schema_project.c */
extern const struct acl_sx_type acl_sx_gateway;           /* schema_gateway.c */
extern const struct acl_sx_type acl_sx_target;            /* schema_gateway.c */
extern const struct acl_sx_type acl_sx_mcp_runtime_tool;  /* schema_gateway.c */
extern const struct acl_sx_type acl_sx_knowledge_base;    /* schema_extra.c */
extern const struct acl_sx_type acl_sx_evaluator;         /* schema_extra.c */
extern const struct acl_sx_type acl_sx_online_eval;       /* schema_extra.c */
extern const struct acl_sx_type acl_sx_config_bundle;     /* schema_extra.c */
extern const struct acl_sx_type acl_sx_ab_test;           /* schema_extra.c */
extern const struct acl_sx_type acl_sx_dataset;           /* schema_extra.c */
extern const struct acl_sx_type acl_sx_capacity_provider; /* schema_extra.c */
extern const struct acl_sx_type acl_sx_payment_manager;   /* schema_extra.c */
extern const struct acl_sx_type acl_sx_aws_targets;       /* schema_files.c */
extern const struct acl_sx_type acl_sx_deployed_state;    /* schema_files.c */
extern const struct acl_sx_type acl_sx_harness_spec;      /* schema_harness.c */
extern const struct acl_sx_type
    acl_sx_harness_tool_config; /* schema_harness.c */

/* Cross-field rules (schema_rules.c, schema_rules_target.c,
 * schema_rules_xref.c). */
void acl_sx_rule_runtime(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_lifecycle(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_jwt(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_private_endpoint(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_claim_value(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_memory(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_strategy(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_gateway(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_target(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_lambda_compute(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_runtime_compute(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_cp_config(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_evaluator_config(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_rating_scale(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_code_based(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_online_eval(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_ab_test(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_payment(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_harness(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_harness_model(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_harness_tool(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_harness_gateway(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_existing_memory(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_retrieval(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_truncation(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_rule_project(struct acl_sx_ctx *cx, json_t *v);

/* Value checks (refinements on one value). */
void acl_sx_check_project_name(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_tag_key(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_dockerfile(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_build_arg(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_header(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_oidc_url(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_claim_name(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_not_blank(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_s3_uri(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_system_prompt(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_no_http_gateways(struct acl_sx_ctx *cx, json_t *v);
void acl_sx_check_container_uri(struct acl_sx_ctx *cx, json_t *v);

#endif
