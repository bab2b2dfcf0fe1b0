/*
 * schema_harness.c - app/<harness>/harness.json: HarnessSpec (reference
 * section 5.3) with its model, tools, skills, memory and truncation.
 */
#include "schema_int.h"

/* ---- Model (strip) ---------------------------------------------------- */

static const struct acl_sx_member sx_model_members[] = {
    {"provider", SX_ENUM("bedrock", "open_ai", "gemini", "lite_llm"),
     ACL_SX_REQ, 0},
    {"modelId", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"apiKeyArn", SX_STR, ACL_SX_OPT, 0},
    {"apiFormat", SX_ENUM("converse_stream", "responses", "chat_completions"),
     ACL_SX_OPT, 0},
    {"temperature", SX_NUM_RANGE(0, 2), ACL_SX_OPT, 0},
    {"topP", SX_NUM_RANGE(0, 1), ACL_SX_OPT, 0},
    {"topK", SX_INT_RANGE(0, 500), ACL_SX_OPT, 0},
    {"maxTokens", SX_INT_MIN(1), ACL_SX_OPT, 0},
    {"apiBase", SX_STR_LEN(1, 16383), ACL_SX_OPT, 0},
    {"additionalParams", SX_MAP(NULL, SX_ANY), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_model = SX_OBJECT(
    "HarnessModel", ACL_SX_STRIP, sx_model_members, acl_sx_rule_harness_model);

/* ---- Tools: the config is a first-match union of strip objects -------- */

static const struct acl_sx_member sx_remote_mcp_inner_members[] = {
    {"url", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"headers", SX_MAP(NULL, SX_STR), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_remote_mcp_inner =
    SX_OBJECT("remoteMcp", ACL_SX_STRIP, sx_remote_mcp_inner_members, NULL);
static const struct acl_sx_member sx_browser_inner_members[] = {
    {"browserArn", SX_STR, ACL_SX_OPT, 0}};
static const struct acl_sx_object sx_browser_inner =
    SX_OBJECT("agentCoreBrowser", ACL_SX_STRIP, sx_browser_inner_members, NULL);
static const struct acl_sx_member sx_ci_inner_members[] = {
    {"codeInterpreterArn", SX_STR, ACL_SX_OPT, 0}};
static const struct acl_sx_object sx_ci_inner = SX_OBJECT(
    "agentCoreCodeInterpreter", ACL_SX_STRIP, sx_ci_inner_members, NULL);

/* The gateway tool's outboundAuth: strip objects, unlike connections. */
static const struct acl_sx_object sx_any_object = {.name = "{...}",
                                                   .mode = ACL_SX_STRIP};
static const struct acl_sx_member sx_hg_iam_members[] = {
    {"awsIam", SX_OBJ(&sx_any_object), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_hg_none_members[] = {
    {"none", SX_OBJ(&sx_any_object), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_hg_oauth_inner_members[] = {
    {"providerArn", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"scopes", SX_ARR(SX_STR_MIN(1)), ACL_SX_REQ, 0},
    {"grantType", SX_ENUM("CLIENT_CREDENTIALS", "USER_FEDERATION"), ACL_SX_OPT,
     0},
    {"customParameters", SX_MAP(NULL, SX_STR), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_hg_oauth_inner =
    SX_OBJECT("oauth", ACL_SX_STRIP, sx_hg_oauth_inner_members, NULL);
static const struct acl_sx_member sx_hg_oauth_members[] = {
    {"oauth", SX_OBJ(&sx_hg_oauth_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_hg_iam =
    SX_OBJECT("{awsIam}", ACL_SX_STRIP, sx_hg_iam_members, NULL);
static const struct acl_sx_object sx_hg_none =
    SX_OBJECT("{none}", ACL_SX_STRIP, sx_hg_none_members, NULL);
static const struct acl_sx_object sx_hg_oauth =
    SX_OBJECT("{oauth}", ACL_SX_STRIP, sx_hg_oauth_members, NULL);

static const struct acl_sx_member sx_gateway_inner_members[] = {
    {"gatewayArn", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"outboundAuth",
     SX_T(.kind = ACL_SX_UNION,
          .options = SX_OPTIONS(SX_OBJ(&sx_hg_iam), SX_OBJ(&sx_hg_none),
                                SX_OBJ(&sx_hg_oauth)),
          .noptions = 3,
          .desc = "{\"awsIam\": {}}, {\"none\": {}} or {\"oauth\": {...}}"),
     ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_gateway_inner =
    SX_OBJECT("agentCoreGateway", ACL_SX_PASSTHROUGH, sx_gateway_inner_members,
              acl_sx_rule_harness_gateway);

static const struct acl_sx_member sx_inline_fn_members[] = {
    {"description", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"inputSchema", SX_MAP(NULL, SX_ANY), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_inline_fn =
    SX_OBJECT("inlineFunction", ACL_SX_STRIP, sx_inline_fn_members, NULL);

static const struct acl_sx_member sx_cfg_remote_members[] = {
    {"remoteMcp", SX_OBJ(&sx_remote_mcp_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_cfg_browser_members[] = {
    {"agentCoreBrowser", SX_OBJ(&sx_browser_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_cfg_ci_members[] = {
    {"agentCoreCodeInterpreter", SX_OBJ(&sx_ci_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_cfg_gateway_members[] = {
    {"agentCoreGateway", SX_OBJ(&sx_gateway_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_cfg_inline_members[] = {
    {"inlineFunction", SX_OBJ(&sx_inline_fn), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_cfg_remote =
    SX_OBJECT("{remoteMcp}", ACL_SX_STRIP, sx_cfg_remote_members, NULL);
static const struct acl_sx_object sx_cfg_browser =
    SX_OBJECT("{agentCoreBrowser}", ACL_SX_STRIP, sx_cfg_browser_members, NULL);
static const struct acl_sx_object sx_cfg_ci = SX_OBJECT(
    "{agentCoreCodeInterpreter}", ACL_SX_STRIP, sx_cfg_ci_members, NULL);
static const struct acl_sx_object sx_cfg_gateway =
    SX_OBJECT("{agentCoreGateway}", ACL_SX_STRIP, sx_cfg_gateway_members, NULL);
static const struct acl_sx_object sx_cfg_inline =
    SX_OBJECT("{inlineFunction}", ACL_SX_STRIP, sx_cfg_inline_members, NULL);

/* The order matters: the first option that fits wins (rule in
 * acl_sx_rule_harness_tool). */
const struct acl_sx_type acl_sx_harness_tool_config = {
    .kind = ACL_SX_UNION,
    .options = SX_OPTIONS(SX_OBJ(&sx_cfg_remote), SX_OBJ(&sx_cfg_browser),
                          SX_OBJ(&sx_cfg_ci), SX_OBJ(&sx_cfg_gateway),
                          SX_OBJ(&sx_cfg_inline)),
    .noptions = 5,
    .desc = "an object with one of remoteMcp, agentCoreBrowser, "
            "agentCoreCodeInterpreter, agentCoreGateway or inlineFunction"};

static const struct acl_sx_member sx_tool_members[] = {
    {"type",
     SX_ENUM("remote_mcp", "agentcore_browser", "agentcore_gateway",
             "inline_function", "agentcore_code_interpreter"),
     ACL_SX_REQ, 0},
    {"name", SX_STR_LEN_PAT(1, 64, ACL_PAT_TOOL_NAME), ACL_SX_REQ, 0},
    {"config", &acl_sx_harness_tool_config, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_tool = SX_OBJECT(
    "HarnessTool", ACL_SX_STRIP, sx_tool_members, acl_sx_rule_harness_tool);

/* ---- Skills: a string or one of four strict objects ------------------- */

static const struct acl_sx_member sx_skill_s3_members[] = {
    {"s3Uri",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN, .min = 5,
          .pattern = ACL_PAT_S3_PREFIX),
     ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_git_auth_members[] = {
    {"credentialName", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"username", SX_STR, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_git_auth =
    SX_OBJECT("HarnessSkillGitAuth", ACL_SX_STRIP, sx_git_auth_members, NULL);
static const struct acl_sx_member sx_skill_git_members[] = {
    {"gitUrl",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN, .min = 8,
          .pattern = ACL_PAT_HTTPS_PREFIX),
     ACL_SX_REQ, 0},
    {"path", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"auth", SX_OBJ(&sx_git_auth), ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_skill_path_members[] = {
    {"path", SX_STR_MIN(1), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_aws_skills_inner_members[] = {
    {"paths", SX_ARR(SX_STR_LEN(1, 4096)), ACL_SX_OPT, 0}};
static const struct acl_sx_object sx_aws_skills_inner =
    SX_OBJECT("awsSkills", ACL_SX_STRICT, sx_aws_skills_inner_members, NULL);
static const struct acl_sx_member sx_skill_aws_members[] = {
    {"awsSkills", SX_OBJ(&sx_aws_skills_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_skill_s3 =
    SX_OBJECT("{s3Uri}", ACL_SX_STRICT, sx_skill_s3_members, NULL);
static const struct acl_sx_object sx_skill_git =
    SX_OBJECT("{gitUrl}", ACL_SX_STRICT, sx_skill_git_members, NULL);
static const struct acl_sx_object sx_skill_path =
    SX_OBJECT("{path}", ACL_SX_STRICT, sx_skill_path_members, NULL);
static const struct acl_sx_object sx_skill_aws =
    SX_OBJECT("{awsSkills}", ACL_SX_STRICT, sx_skill_aws_members, NULL);

static const struct acl_sx_type sx_skill = {
    .kind = ACL_SX_UNION,
    .options =
        SX_OPTIONS(SX_STR_MIN(1), SX_OBJ(&sx_skill_s3), SX_OBJ(&sx_skill_git),
                   SX_OBJ(&sx_skill_path), SX_OBJ(&sx_skill_aws)),
    .noptions = 5,
    .desc =
        "a non-empty path string or one of {s3Uri}, {gitUrl, path?, auth?}, "
        "{path} or {awsSkills}"};

/* ---- Memory: discriminated on mode; no mode means "existing" ---------- */

static const struct acl_sx_member sx_retrieval_members[] = {
    {"topK", SX_INT_MIN(1), ACL_SX_OPT, 0},
    {"relevanceScore", SX_NUM_RANGE(0, 1), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_retrieval =
    SX_OBJECT("RetrievalConfig", ACL_SX_STRICT, sx_retrieval_members,
              acl_sx_rule_retrieval);

static const struct acl_sx_member sx_mem_managed_members[] = {
    {"mode", SX_ENUM("managed"), ACL_SX_REQ, 0},
    {"strategies",
     SX_ARR_LEN(
         SX_ENUM("SEMANTIC", "SUMMARIZATION", "USER_PREFERENCE", "EPISODIC"), 1,
         4),
     ACL_SX_OPT, 0},
    {"eventExpiryDuration", SX_INT_RANGE(3, 365), ACL_SX_OPT, 0},
    {"encryptionKeyArn", SX_STR_MIN(1), ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_mem_existing_members[] = {
    {"mode", SX_ENUM("existing"), ACL_SX_REQ, 0},
    {"name", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"arn", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"actorId", SX_STR, ACL_SX_OPT, 0},
    {"messagesCount", SX_INT_MIN(1), ACL_SX_OPT, 0},
    {"retrievalConfig", SX_OBJ(&sx_retrieval), ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_mem_disabled_members[] = {
    {"mode", SX_ENUM("disabled"), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_mem_managed =
    SX_OBJECT("ManagedMemoryRef", ACL_SX_STRICT, sx_mem_managed_members, NULL);
static const struct acl_sx_object sx_mem_existing =
    SX_OBJECT("ExistingMemoryRef", ACL_SX_STRICT, sx_mem_existing_members,
              acl_sx_rule_existing_memory);
static const struct acl_sx_object sx_mem_disabled = SX_OBJECT(
    "DisabledMemoryRef", ACL_SX_STRICT, sx_mem_disabled_members, NULL);

/* ---- Truncation ------------------------------------------------------- */

static const struct acl_sx_member sx_sliding_inner_members[] = {
    {"messagesCount", SX_INT_MIN(1), ACL_SX_OPT, 0}};
static const struct acl_sx_object sx_sliding_inner =
    SX_OBJECT("slidingWindow", ACL_SX_STRIP, sx_sliding_inner_members, NULL);
static const struct acl_sx_member sx_summary_inner_members[] = {
    {"summaryRatio", SX_NUM_RANGE(0, 1), ACL_SX_OPT, 0},
    {"preserveRecentMessages", SX_INT_MIN(0), ACL_SX_OPT, 0},
    {"summarizationSystemPrompt", SX_STR, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_summary_inner =
    SX_OBJECT("summarization", ACL_SX_STRIP, sx_summary_inner_members, NULL);
static const struct acl_sx_member sx_sliding_members[] = {
    {"slidingWindow", SX_OBJ(&sx_sliding_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_summary_members[] = {
    {"summarization", SX_OBJ(&sx_summary_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_sliding =
    SX_OBJECT("{slidingWindow}", ACL_SX_STRICT, sx_sliding_members, NULL);
static const struct acl_sx_object sx_summary =
    SX_OBJECT("{summarization}", ACL_SX_STRICT, sx_summary_members, NULL);

static const struct acl_sx_member sx_truncation_members[] = {
    {"strategy", SX_ENUM("sliding_window", "summarization", "none"), ACL_SX_REQ,
     0},
    {"config",
     SX_T(.kind = ACL_SX_UNION,
          .options = SX_OPTIONS(SX_OBJ(&sx_sliding), SX_OBJ(&sx_summary)),
          .noptions = 2,
          .desc = "{\"slidingWindow\": {...}} or {\"summarization\": {...}}"),
     ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_truncation = SX_OBJECT(
    "Truncation", ACL_SX_STRIP, sx_truncation_members, acl_sx_rule_truncation);

/* ---- HarnessSpec (strip) ---------------------------------------------- */

static const struct acl_sx_member sx_harness_members[] = {
    {"name", SX_STR_LEN_PAT(1, 40, ACL_PAT_HARNESS_NAME), ACL_SX_REQ, 0},
    {"model", SX_OBJ(&sx_model), ACL_SX_REQ, 0},
    {"systemPrompt",
     SX_T(.kind = ACL_SX_STRING, .check = acl_sx_check_system_prompt),
     ACL_SX_OPT, 0},
    {"tools",
     SX_T(.kind = ACL_SX_ARRAY, .item = SX_OBJ(&sx_tool), .unique = "name",
          .unique_msg = "Duplicate tool name"),
     ACL_SX_DEF, "[]"},
    {"skills", SX_ARR(&sx_skill), ACL_SX_DEF, "[]"},
    {"allowedTools", SX_ARR(SX_STR_LEN_PAT(1, 64, ACL_PAT_ALLOWED_TOOL)),
     ACL_SX_OPT, 0},
    {"memory",
     SX_T(.kind = ACL_SX_DUNION, .tag = "mode", .tag_default = "existing",
          .options =
              SX_OPTIONS(SX_OBJ(&sx_mem_managed), SX_OBJ(&sx_mem_existing),
                         SX_OBJ(&sx_mem_disabled)),
          .noptions = 3),
     ACL_SX_OPT, 0},
    {"maxIterations", SX_INT_MIN(1), ACL_SX_OPT, 0},
    {"maxTokens", SX_INT_MIN(1), ACL_SX_OPT, 0},
    {"timeoutSeconds", SX_INT_MIN(1), ACL_SX_OPT, 0},
    {"truncation", SX_OBJ(&sx_truncation), ACL_SX_OPT, 0},
    {"containerUri",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = 1,
          .max = 1024, .pattern = ACL_PAT_CONTAINER_URI,
          .check = acl_sx_check_container_uri),
     ACL_SX_OPT, 0},
    {"dockerfile", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"executionRoleArn", SX_STR, ACL_SX_OPT, 0},
    {"networkMode", &acl_sx_network_mode, ACL_SX_OPT, 0},
    {"networkConfig", &acl_sx_network_config, ACL_SX_OPT, 0},
    {"lifecycleConfig", &acl_sx_lifecycle, ACL_SX_OPT, 0},
    {"sessionStoragePath", &acl_sx_mount_path, ACL_SX_OPT, 0},
    {"efsAccessPoints", SX_ARR_MAX(&acl_sx_efs_access_point, 2), ACL_SX_OPT, 0},
    {"s3AccessPoints", SX_ARR_MAX(&acl_sx_s3files_access_point, 2), ACL_SX_OPT,
     0},
    {"environmentVariables",
     SX_T(.kind = ACL_SX_MAP, .key = SX_STR_LEN(1, 100),
          .item = SX_STR_MAX(5000), .flags = ACL_SX_MAX, .max = 50),
     ACL_SX_OPT, 0},
    {"authorizerType", SX_ENUM("AWS_IAM", "CUSTOM_JWT"), ACL_SX_OPT, 0},
    {"authorizerConfiguration", &acl_sx_authorizer_config, ACL_SX_OPT, 0},
    {"connections", &acl_sx_connections, ACL_SX_OPT, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_harness = SX_OBJECT(
    "HarnessSpec", ACL_SX_STRIP, sx_harness_members, acl_sx_rule_harness);
const struct acl_sx_type acl_sx_harness_spec = {.kind = ACL_SX_OBJECT,
                                                .obj = &sx_harness};
