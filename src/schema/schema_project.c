/*
 * schema_project.c - agentcore.json: the top level (reference section 2)
 * and the core resources: runtimes (3.1), memories (3.2), credentials
 * (3.4), policy engines (3.10) and harness entries (3.13).
 */
#include "schema_int.h"

#define UNIQUE_BY(k, msg) .unique = (k), .unique_msg = (msg)

/* ---- Runtimes: AgentEnvSpec (strip) ----------------------------------- */

static const struct acl_sx_member sx_envvar_members[] = {
    {"name", &acl_sx_env_name, ACL_SX_REQ, 0},
    {"value", SX_STR, ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_envvar =
    SX_OBJECT("EnvVar", ACL_SX_STRIP, sx_envvar_members, NULL);

static const struct acl_sx_member sx_instrumentation_members[] = {
    {"enableOtel", SX_BOOL, ACL_SX_DEF, "true"},
};
static const struct acl_sx_object sx_instrumentation = SX_OBJECT(
    "Instrumentation", ACL_SX_STRIP, sx_instrumentation_members, NULL);

static const struct acl_sx_member sx_session_storage_members[] = {
    {"mountPath", &acl_sx_mount_path, ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_session_storage =
    SX_OBJECT("SessionStorage", ACL_SX_STRIP, sx_session_storage_members, NULL);

static const struct acl_sx_member sx_cp_volume_members[] = {
    {"volumeName", SX_STR_LEN_PAT(1, 48, ACL_PAT_KB_NAME), ACL_SX_REQ, 0},
    {"mountPath", &acl_sx_mount_path, ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_cp_volume = SX_OBJECT(
    "CapacityProviderVolumeConfig", ACL_SX_STRIP, sx_cp_volume_members, NULL);

/* FilesystemConfiguration: a strict object with exactly one key. */
static const struct acl_sx_member sx_fs_ss_members[] = {
    {"sessionStorage", SX_OBJ(&sx_session_storage), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_fs_efs_members[] = {
    {"efsAccessPoint", &acl_sx_efs_access_point, ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_fs_s3_members[] = {
    {"s3FilesAccessPoint", &acl_sx_s3files_access_point, ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_fs_cp_members[] = {
    {"capacityProviderVolume", SX_OBJ(&sx_cp_volume), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_fs_ss =
    SX_OBJECT("{sessionStorage}", ACL_SX_STRICT, sx_fs_ss_members, NULL);
static const struct acl_sx_object sx_fs_efs =
    SX_OBJECT("{efsAccessPoint}", ACL_SX_STRICT, sx_fs_efs_members, NULL);
static const struct acl_sx_object sx_fs_s3 =
    SX_OBJECT("{s3FilesAccessPoint}", ACL_SX_STRICT, sx_fs_s3_members, NULL);
static const struct acl_sx_object sx_fs_cp = SX_OBJECT(
    "{capacityProviderVolume}", ACL_SX_STRICT, sx_fs_cp_members, NULL);
static const struct acl_sx_type sx_filesystem = {
    .kind = ACL_SX_UNION,
    .options = SX_OPTIONS(SX_OBJ(&sx_fs_ss), SX_OBJ(&sx_fs_efs),
                          SX_OBJ(&sx_fs_s3), SX_OBJ(&sx_fs_cp)),
    .noptions = 4,
    .desc = "an object with exactly one of sessionStorage, efsAccessPoint, "
            "s3FilesAccessPoint or capacityProviderVolume"};

static const struct acl_sx_member sx_endpoint_members[] = {
    {"version", SX_INT_MIN(1), ACL_SX_REQ, 0},
    {"description", SX_STR_MAX(200), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_endpoint =
    SX_OBJECT("RuntimeEndpoint", ACL_SX_STRIP, sx_endpoint_members, NULL);

static const struct acl_sx_member sx_cp_config_members[] = {
    {"capacityProviderArn", SX_STR_PAT(ACL_PAT_CP_ARN), ACL_SX_OPT, 0},
    {"capacityProviderName", &acl_sx_name48, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_cp_config =
    SX_OBJECT("CapacityProviderConfiguration", ACL_SX_STRICT,
              sx_cp_config_members, acl_sx_rule_cp_config);

static const struct acl_sx_member sx_runtime_members[] = {
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"description", SX_STR_MAX(200), ACL_SX_OPT, 0},
    {"build", SX_ENUM("CodeZip", "Container"), ACL_SX_REQ, 0},
    {"entrypoint", SX_STR_PAT(ACL_PAT_ENTRYPOINT), ACL_SX_REQ, 0},
    {"codeLocation", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"dockerfile",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = 1,
          .max = 255, .check = acl_sx_check_dockerfile),
     ACL_SX_OPT, 0},
    {"buildContextPath", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"customDockerBuildArgs",
     SX_MAP(&acl_sx_env_name,
            SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MAX, .max = 4096,
                 .check = acl_sx_check_build_arg)),
     ACL_SX_OPT, 0},
    {"runtimeVersion",
     SX_ENUM("PYTHON_3_10", "PYTHON_3_11", "PYTHON_3_12", "PYTHON_3_13",
             "PYTHON_3_14", "NODE_18", "NODE_20", "NODE_22"),
     ACL_SX_OPT, 0},
    {"envVars", SX_ARR(SX_OBJ(&sx_envvar)), ACL_SX_OPT, 0},
    {"networkMode", &acl_sx_network_mode, ACL_SX_OPT, 0},
    {"networkConfig", &acl_sx_network_config, ACL_SX_OPT, 0},
    {"instrumentation", SX_OBJ(&sx_instrumentation), ACL_SX_OPT, 0},
    {"protocol", SX_ENUM("HTTP", "MCP", "A2A", "AGUI"), ACL_SX_OPT, 0},
    {"requestHeaderAllowlist",
     SX_ARR_MAX(SX_T(.kind = ACL_SX_STRING, .pattern = ACL_PAT_HEADER_NAME,
                     .check = acl_sx_check_header),
                20),
     ACL_SX_OPT, 0},
    {"executionRoleArn", SX_STR, ACL_SX_OPT, 0},
    {"additionalPolicies", SX_ARR(SX_STR_MIN(1)), ACL_SX_OPT, 0},
    {"authorizerType", SX_ENUM("AWS_IAM", "CUSTOM_JWT"), ACL_SX_OPT, 0},
    {"authorizerConfiguration", &acl_sx_authorizer_config, ACL_SX_OPT, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
    {"lifecycleConfiguration", &acl_sx_lifecycle, ACL_SX_OPT, 0},
    {"filesystemConfigurations", SX_ARR(&sx_filesystem), ACL_SX_OPT, 0},
    {"endpoints", SX_MAP(&acl_sx_name48, SX_OBJ(&sx_endpoint)), ACL_SX_OPT, 0},
    {"connections", &acl_sx_connections, ACL_SX_OPT, 0},
    {"capacityProviderConfiguration", SX_OBJ(&sx_cp_config), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_runtime = SX_OBJECT(
    "AgentEnvSpec", ACL_SX_STRIP, sx_runtime_members, acl_sx_rule_runtime);
const struct acl_sx_type acl_sx_runtime = {.kind = ACL_SX_OBJECT,
                                           .obj = &sx_runtime};

/* ---- Memories (strip) ------------------------------------------------- */

static const struct acl_sx_member sx_strategy_members[] = {
    {"type",
     SX_ENUM("SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "EPISODIC"),
     ACL_SX_REQ, 0},
    {"name", &acl_sx_name48, ACL_SX_OPT, 0},
    {"description", SX_STR, ACL_SX_OPT, 0},
    {"namespaceTemplates", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"namespaces", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"reflectionNamespaceTemplates", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"reflectionNamespaces", SX_ARR(SX_STR), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_strategy = SX_OBJECT(
    "MemoryStrategy", ACL_SX_STRIP, sx_strategy_members, acl_sx_rule_strategy);

static const struct acl_sx_member sx_indexed_key_members[] = {
    {"key",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = 1,
          .max = 128, .pattern = ACL_PAT_INDEXED_KEY,
          .check = acl_sx_check_not_blank),
     ACL_SX_REQ, 0},
    {"type", SX_ENUM("STRING", "STRINGLIST", "NUMBER"), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_indexed_key =
    SX_OBJECT("IndexedKey", ACL_SX_STRIP, sx_indexed_key_members, NULL);

static const struct acl_sx_member sx_content_config_members[] = {
    {"type", SX_ENUM("MEMORY_RECORDS"), ACL_SX_REQ, 0},
    {"level", SX_ENUM("FULL_CONTENT", "METADATA_ONLY"), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_content_config = SX_OBJECT(
    "ContentConfiguration", ACL_SX_STRIP, sx_content_config_members, NULL);
static const struct acl_sx_member sx_kinesis_members[] = {
    {"dataStreamArn", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"contentConfigurations", SX_ARR_MIN(SX_OBJ(&sx_content_config), 1),
     ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_kinesis =
    SX_OBJECT("Kinesis", ACL_SX_STRIP, sx_kinesis_members, NULL);
static const struct acl_sx_member sx_stream_resource_members[] = {
    {"kinesis", SX_OBJ(&sx_kinesis), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_stream_resource = SX_OBJECT(
    "StreamDeliveryResource", ACL_SX_STRIP, sx_stream_resource_members, NULL);
static const struct acl_sx_member sx_stream_members[] = {
    {"resources", SX_ARR_MIN(SX_OBJ(&sx_stream_resource), 1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_stream =
    SX_OBJECT("StreamDeliveryResources", ACL_SX_STRIP, sx_stream_members, NULL);

static const struct acl_sx_member sx_memory_members[] = {
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"eventExpiryDuration", SX_INT_RANGE(3, 365), ACL_SX_REQ, 0},
    {"strategies",
     SX_T(.kind = ACL_SX_ARRAY, .item = SX_OBJ(&sx_strategy),
          UNIQUE_BY("type", "Duplicate memory strategy type")),
     ACL_SX_DEF, "[]"},
    {"indexedKeys",
     SX_T(.kind = ACL_SX_ARRAY, .item = SX_OBJ(&sx_indexed_key),
          .flags = ACL_SX_MAX, .max = 10,
          UNIQUE_BY("key", "Duplicate indexed key")),
     ACL_SX_OPT, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
    {"encryptionKeyArn", SX_STR, ACL_SX_OPT, 0},
    {"executionRoleArn", SX_STR, ACL_SX_OPT, 0},
    {"streamDeliveryResources", SX_OBJ(&sx_stream), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_memory =
    SX_OBJECT("Memory", ACL_SX_STRIP, sx_memory_members, acl_sx_rule_memory);

/* ---- Credentials: discriminated union on authorizerType --------------- */

static const struct acl_sx_type sx_credential_name = {
    .kind = ACL_SX_STRING,
    .flags = ACL_SX_MIN | ACL_SX_MAX,
    .min = 1,
    .max = 128,
    .pattern = ACL_PAT_CREDENTIAL_NAME};

static const struct acl_sx_member sx_api_key_members[] = {
    {"authorizerType", SX_ENUM("ApiKeyCredentialProvider"), ACL_SX_REQ, 0},
    {"name", &sx_credential_name, ACL_SX_REQ, 0},
};
static const struct acl_sx_member sx_oauth_cred_members[] = {
    {"authorizerType", SX_ENUM("OAuthCredentialProvider"), ACL_SX_REQ, 0},
    {"name", &sx_credential_name, ACL_SX_REQ, 0},
    {"discoveryUrl", SX_URL, ACL_SX_OPT, 0},
    {"scopes", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"vendor", SX_STR, ACL_SX_DEF, "\"CustomOauth2\""},
    {"managed", SX_BOOL, ACL_SX_OPT, 0},
    {"usage", SX_ENUM("inbound", "outbound"), ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_payment_cred_members[] = {
    {"authorizerType", SX_ENUM("PaymentCredentialProvider"), ACL_SX_REQ, 0},
    {"name", &sx_credential_name, ACL_SX_REQ, 0},
    {"provider", SX_ENUM("CoinbaseCDP", "StripePrivy"), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_api_key_cred = SX_OBJECT(
    "ApiKeyCredentialProvider", ACL_SX_STRIP, sx_api_key_members, NULL);
static const struct acl_sx_object sx_oauth_cred = SX_OBJECT(
    "OAuthCredentialProvider", ACL_SX_STRIP, sx_oauth_cred_members, NULL);
static const struct acl_sx_object sx_payment_cred = SX_OBJECT(
    "PaymentCredentialProvider", ACL_SX_STRIP, sx_payment_cred_members, NULL);
static const struct acl_sx_type sx_credential = {
    .kind = ACL_SX_DUNION,
    .tag = "authorizerType",
    .options = SX_OPTIONS(SX_OBJ(&sx_api_key_cred), SX_OBJ(&sx_oauth_cred),
                          SX_OBJ(&sx_payment_cred)),
    .noptions = 3};

/* ---- Policy engines (strip) ------------------------------------------- */

static const struct acl_sx_type sx_policy_name = {
    .kind = ACL_SX_STRING,
    .flags = ACL_SX_MIN | ACL_SX_MAX,
    .min = 1,
    .max = 48,
    .pattern = ACL_PAT_NAME48_UPPER};

static const struct acl_sx_member sx_policy_members[] = {
    {"name", &sx_policy_name, ACL_SX_REQ, 0},
    {"description", SX_STR_LEN(1, 4096), ACL_SX_OPT, 0},
    {"statement", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"sourceFile", SX_STR, ACL_SX_OPT, 0},
    {"validationMode", SX_ENUM("FAIL_ON_ANY_FINDINGS", "IGNORE_ALL_FINDINGS"),
     ACL_SX_DEF, "\"FAIL_ON_ANY_FINDINGS\""},
    {"enforcementMode", SX_ENUM("ACTIVE", "LOG_ONLY"), ACL_SX_DEF,
     "\"ACTIVE\""},
    {"authorizationPhase", SX_ENUM("INITIATE", "RETURN_OUTPUT"), ACL_SX_OPT,
     "\"INITIATE\""},
};
static const struct acl_sx_object sx_policy =
    SX_OBJECT("Policy", ACL_SX_STRIP, sx_policy_members, NULL);

static const struct acl_sx_member sx_policy_engine_members[] = {
    {"name", &sx_policy_name, ACL_SX_REQ, 0},
    {"description", SX_STR_LEN(1, 4096), ACL_SX_OPT, 0},
    {"encryptionKeyArn", SX_STR, ACL_SX_OPT, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
    {"policies",
     SX_T(.kind = ACL_SX_ARRAY, .item = SX_OBJ(&sx_policy),
          UNIQUE_BY("name", "Duplicate policy name")),
     ACL_SX_DEF, "[]"},
};
static const struct acl_sx_object sx_policy_engine =
    SX_OBJECT("PolicyEngine", ACL_SX_STRIP, sx_policy_engine_members, NULL);

/* ---- Harness entries (strip) ------------------------------------------ */

static const struct acl_sx_member sx_harness_entry_members[] = {
    {"name", SX_STR_LEN_PAT(1, 40, ACL_PAT_HARNESS_NAME), ACL_SX_REQ, 0},
    {"path", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_harness_entry =
    SX_OBJECT("HarnessEntry", ACL_SX_STRIP, sx_harness_entry_members, NULL);

/* ---- The top level (strict) ------------------------------------------- */

#define LIST_OF(t, msg) \
    SX_T(.kind = ACL_SX_ARRAY, .item = (t), UNIQUE_BY("name", msg))

static const struct acl_sx_member sx_project_members[] = {
    {"$schema", SX_STR, ACL_SX_OPT, 0},
    {"name",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = 1,
          .max = 23, .pattern = ACL_PAT_PROJECT_NAME,
          .check = acl_sx_check_project_name),
     ACL_SX_REQ, 0},
    {"version", SX_INT_MIN(1), ACL_SX_REQ, 0},
    {"managedBy", SX_ENUM("CDK"), ACL_SX_DEF, "\"CDK\""},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
    {"runtimes", LIST_OF(&acl_sx_runtime, "Duplicate agent name"), ACL_SX_DEF,
     "[]"},
    {"memories", LIST_OF(SX_OBJ(&sx_memory), "Duplicate memory name"),
     ACL_SX_DEF, "[]"},
    {"knowledgeBases",
     LIST_OF(&acl_sx_knowledge_base, "Duplicate knowledge base name"),
     ACL_SX_DEF, "[]"},
    {"credentials", LIST_OF(&sx_credential, "Duplicate credential name"),
     ACL_SX_DEF, "[]"},
    {"evaluators", LIST_OF(&acl_sx_evaluator, "Duplicate evaluator name"),
     ACL_SX_DEF, "[]"},
    {"onlineEvalConfigs",
     LIST_OF(&acl_sx_online_eval, "Duplicate online eval config name"),
     ACL_SX_DEF, "[]"},
    {"agentCoreGateways", LIST_OF(&acl_sx_gateway, "Duplicate gateway name"),
     ACL_SX_DEF, "[]"},
    {"mcpRuntimeTools",
     LIST_OF(&acl_sx_mcp_runtime_tool, "Duplicate MCP runtime tool name"),
     ACL_SX_OPT, 0},
    {"unassignedTargets",
     LIST_OF(&acl_sx_target, "Duplicate unassigned target name"), ACL_SX_OPT,
     0},
    {"policyEngines",
     LIST_OF(SX_OBJ(&sx_policy_engine), "Duplicate policy engine name"),
     ACL_SX_DEF, "[]"},
    {"configBundles",
     LIST_OF(&acl_sx_config_bundle, "Duplicate config bundle name"), ACL_SX_DEF,
     "[]"},
    {"abTests", LIST_OF(&acl_sx_ab_test, "Duplicate AB test name"), ACL_SX_DEF,
     "[]"},
    {"harnesses", LIST_OF(SX_OBJ(&sx_harness_entry), "Duplicate harness name"),
     ACL_SX_DEF, "[]"},
    {"datasets", LIST_OF(&acl_sx_dataset, "Duplicate dataset name"), ACL_SX_OPT,
     0},
    {"capacityProviders",
     LIST_OF(&acl_sx_capacity_provider, "Duplicate capacity provider name"),
     ACL_SX_OPT, 0},
    {"httpGateways",
     SX_T(.kind = ACL_SX_ARRAY, .item = SX_ANY,
          .check = acl_sx_check_no_http_gateways),
     ACL_SX_OPT, 0},
    {"payments",
     LIST_OF(&acl_sx_payment_manager, "Duplicate payment manager name"),
     ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_project =
    SX_OBJECT("AgentCoreProjectSpec", ACL_SX_STRICT, sx_project_members,
              acl_sx_rule_project);
const struct acl_sx_type acl_sx_project = {.kind = ACL_SX_OBJECT,
                                           .obj = &sx_project};
