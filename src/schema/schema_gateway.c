/*
 * schema_gateway.c - agentCoreGateways (reference 3.7), gateway targets
 * and unassignedTargets (3.8) and mcpRuntimeTools (3.9).
 */
#include "schema_int.h"

/* ---- OutboundAuth (strict) -------------------------------------------- */

static const struct acl_sx_member sx_outbound_members[] = {
    {"type",
     SX_ENUM("OAUTH", "API_KEY", "NONE", "GATEWAY_IAM_ROLE", "JWT_PASSTHROUGH"),
     ACL_SX_DEF, "\"NONE\""},
    {"credentialName", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"scopes", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"service", SX_STR_LEN(1, 64), ACL_SX_OPT, 0},
    {"region", SX_STR_LEN(1, 32), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_outbound =
    SX_OBJECT("OutboundAuth", ACL_SX_STRICT, sx_outbound_members, NULL);

/* ---- ToolCompute: discriminated union on host ------------------------- */

static const struct acl_sx_member sx_impl_members[] = {
    {"language", SX_ENUM("TypeScript", "Python"), ACL_SX_REQ, 0},
    {"path", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"handler", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_impl = SX_OBJECT(
    "ToolImplementationBinding", ACL_SX_STRICT, sx_impl_members, NULL);

static const struct acl_sx_member sx_iam_policy_members[] = {
    {"Version", SX_STR, ACL_SX_REQ, 0},
    {"Statement", SX_ARR(SX_ANY), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_iam_policy = SX_OBJECT(
    "IamPolicyDocument", ACL_SX_PASSTHROUGH, sx_iam_policy_members, NULL);

static const struct acl_sx_member sx_instrumentation_members[] = {
    {"enableOtel", SX_BOOL, ACL_SX_DEF, "true"},
};
static const struct acl_sx_object sx_instrumentation = SX_OBJECT(
    "Instrumentation", ACL_SX_STRIP, sx_instrumentation_members, NULL);

static const struct acl_sx_member sx_codezip_members[] = {
    {"artifact", SX_ENUM("CodeZip"), ACL_SX_REQ, 0},
    {"pythonVersion", &acl_sx_python_version, ACL_SX_REQ, 0},
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"entrypoint", SX_STR_PAT(ACL_PAT_PY_ENTRYPOINT), ACL_SX_REQ, 0},
    {"codeLocation", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"instrumentation", SX_OBJ(&sx_instrumentation), ACL_SX_OPT, 0},
    {"networkMode", &acl_sx_network_mode, ACL_SX_DEF, "\"PUBLIC\""},
    {"description", SX_STR, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_codezip =
    SX_OBJECT("CodeZipRuntimeConfig", ACL_SX_STRICT, sx_codezip_members, NULL);

static const struct acl_sx_member sx_lambda_compute_members[] = {
    {"host", SX_ENUM("Lambda"), ACL_SX_REQ, 0},
    {"implementation", SX_OBJ(&sx_impl), ACL_SX_REQ, 0},
    {"nodeVersion", &acl_sx_node_version, ACL_SX_OPT, 0},
    {"pythonVersion", &acl_sx_python_version, ACL_SX_OPT, 0},
    {"timeout", SX_INT_RANGE(1, 900), ACL_SX_OPT, 0},
    {"memorySize", SX_INT_RANGE(128, 10240), ACL_SX_OPT, 0},
    {"iamPolicy", SX_OBJ(&sx_iam_policy), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_lambda_compute =
    SX_OBJECT("LambdaCompute", ACL_SX_STRICT, sx_lambda_compute_members,
              acl_sx_rule_lambda_compute);

static const struct acl_sx_member sx_runtime_compute_members[] = {
    {"host", SX_ENUM("AgentCoreRuntime"), ACL_SX_REQ, 0},
    {"implementation", SX_OBJ(&sx_impl), ACL_SX_REQ, 0},
    {"runtime", SX_OBJ(&sx_codezip), ACL_SX_OPT, 0},
    {"iamPolicy", SX_OBJ(&sx_iam_policy), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_runtime_compute =
    SX_OBJECT("AgentCoreRuntimeCompute", ACL_SX_STRICT,
              sx_runtime_compute_members, acl_sx_rule_runtime_compute);

static const struct acl_sx_type sx_compute = {
    .kind = ACL_SX_DUNION,
    .tag = "host",
    .options =
        SX_OPTIONS(SX_OBJ(&sx_lambda_compute), SX_OBJ(&sx_runtime_compute)),
    .noptions = 2};

/* ---- SchemaSource: {inline} or {s3}, strict --------------------------- */

static const struct acl_sx_member sx_inline_members[] = {
    {"path", SX_STR_MIN(1), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_inline =
    SX_OBJECT("SchemaInlineSource", ACL_SX_STRICT, sx_inline_members, NULL);
static const struct acl_sx_member sx_s3_members[] = {
    {"uri",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN, .min = 1,
          .pattern = ACL_PAT_S3_PREFIX),
     ACL_SX_REQ, 0},
    {"bucketOwnerAccountId", SX_STR, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_s3 =
    SX_OBJECT("SchemaS3Source", ACL_SX_STRICT, sx_s3_members, NULL);
static const struct acl_sx_member sx_src_inline_members[] = {
    {"inline", SX_OBJ(&sx_inline), ACL_SX_REQ, 0}};
static const struct acl_sx_member sx_src_s3_members[] = {
    {"s3", SX_OBJ(&sx_s3), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_src_inline =
    SX_OBJECT("{inline}", ACL_SX_STRICT, sx_src_inline_members, NULL);
static const struct acl_sx_object sx_src_s3 =
    SX_OBJECT("{s3}", ACL_SX_STRICT, sx_src_s3_members, NULL);
static const struct acl_sx_type sx_schema_source = {
    .kind = ACL_SX_UNION,
    .options = SX_OPTIONS(SX_OBJ(&sx_src_inline), SX_OBJ(&sx_src_s3)),
    .noptions = 2,
    .desc =
        "{\"inline\": {\"path\": ...}} or {\"s3\": {\"uri\": \"s3://...\"}}"};

/* ---- ApiGatewayConfig (strict) ---------------------------------------- */

static const struct acl_sx_type sx_http_method = {
    .kind = ACL_SX_ENUM,
    .values = ACL_SX_VALUES("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
                            "OPTIONS")};

static const struct acl_sx_member sx_filter_members[] = {
    {"filterPath", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"methods", SX_ARR_MIN(&sx_http_method, 1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_filter =
    SX_OBJECT("ApiGatewayToolFilter", ACL_SX_STRICT, sx_filter_members, NULL);
static const struct acl_sx_member sx_override_members[] = {
    {"name", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"path", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"method", &sx_http_method, ACL_SX_REQ, 0},
    {"description", SX_STR, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_override = SX_OBJECT(
    "ApiGatewayToolOverride", ACL_SX_STRICT, sx_override_members, NULL);
static const struct acl_sx_member sx_tool_config_members[] = {
    {"toolFilters", SX_ARR_MIN(SX_OBJ(&sx_filter), 1), ACL_SX_REQ, 0},
    {"toolOverrides", SX_ARR(SX_OBJ(&sx_override)), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_tool_config = SX_OBJECT(
    "ApiGatewayToolConfiguration", ACL_SX_STRICT, sx_tool_config_members, NULL);
static const struct acl_sx_member sx_apigw_members[] = {
    {"restApiId", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"stage", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"apiGatewayToolConfiguration", SX_OBJ(&sx_tool_config), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_apigw =
    SX_OBJECT("ApiGatewayConfig", ACL_SX_STRICT, sx_apigw_members, NULL);

/* ---- The other target configurations ---------------------------------- */

static const struct acl_sx_member sx_lambda_arn_members[] = {
    {"lambdaArn", SX_STR_LEN(1, 170), ACL_SX_REQ, 0},
    {"toolSchemaFile", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_lambda_arn = SX_OBJECT(
    "LambdaFunctionArnConfig", ACL_SX_STRICT, sx_lambda_arn_members, NULL);

static const struct acl_sx_member sx_http_runtime_members[] = {
    {"runtime", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"runtimeEndpoint", SX_STR_MIN(1), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_http_runtime = SX_OBJECT(
    "HttpRuntimeConfig", ACL_SX_STRICT, sx_http_runtime_members, NULL);

static const struct acl_sx_member sx_param_override_members[] = {
    {"path", SX_STR, ACL_SX_REQ, 0},
    {"description", SX_STR, ACL_SX_OPT, 0},
    {"visible", SX_BOOL, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_param_override = SX_OBJECT(
    "ParameterOverride", ACL_SX_STRIP, sx_param_override_members, NULL);
static const struct acl_sx_member sx_connector_config_members[] = {
    {"name", SX_STR, ACL_SX_REQ, 0},
    {"description", SX_STR, ACL_SX_OPT, 0},
    {"parameterValues", SX_MAP(NULL, SX_ANY), ACL_SX_OPT, 0},
    {"parameterOverrides", SX_ARR(SX_OBJ(&sx_param_override)), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_connector_config = SX_OBJECT(
    "ConnectorConfiguration", ACL_SX_STRIP, sx_connector_config_members, NULL);

static const struct acl_sx_member sx_stickiness_members[] = {
    {"identifier", SX_STR_LEN(1, 256), ACL_SX_REQ, 0},
    {"timeout", SX_INT_RANGE(1, 86400), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_stickiness =
    SX_OBJECT("StickinessConfig", ACL_SX_STRICT, sx_stickiness_members, NULL);
static const struct acl_sx_member sx_passthrough_members[] = {
    {"endpoint",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN, .min = 1,
          .pattern = ACL_PAT_PASSTHROUGH_URL),
     ACL_SX_REQ, 0},
    {"protocolType", SX_ENUM("MCP", "A2A", "INFERENCE", "CUSTOM"), ACL_SX_DEF,
     "\"CUSTOM\""},
    {"stickinessConfiguration", SX_OBJ(&sx_stickiness), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_passthrough =
    SX_OBJECT("PassthroughConfig", ACL_SX_STRICT, sx_passthrough_members, NULL);

/* ---- Gateway targets (strict) ----------------------------------------- */

static const struct acl_sx_member sx_target_members[] = {
    {"name", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"targetType",
     SX_ENUM("lambda", "mcpServer", "openApiSchema", "smithyModel",
             "apiGateway", "lambdaFunctionArn", "httpRuntime", "connector",
             "passthrough"),
     ACL_SX_REQ, 0},
    {"toolDefinitions", SX_ARR(&acl_sx_tool_definition), ACL_SX_OPT, 0},
    {"compute", &sx_compute, ACL_SX_OPT, 0},
    {"endpoint", SX_URL, ACL_SX_OPT, 0},
    {"outboundAuth", SX_OBJ(&sx_outbound), ACL_SX_OPT, 0},
    {"apiGateway", SX_OBJ(&sx_apigw), ACL_SX_OPT, 0},
    {"schemaSource", &sx_schema_source, ACL_SX_OPT, 0},
    {"lambdaFunctionArn", SX_OBJ(&sx_lambda_arn), ACL_SX_OPT, 0},
    {"httpRuntime", SX_OBJ(&sx_http_runtime), ACL_SX_OPT, 0},
    {"connectorId", SX_ENUM("bedrock-knowledge-bases", "web-search"),
     ACL_SX_OPT, 0},
    {"configurations", SX_ARR(SX_OBJ(&sx_connector_config)), ACL_SX_OPT, 0},
    {"passthrough", SX_OBJ(&sx_passthrough), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_target =
    SX_OBJECT("AgentCoreGatewayTarget", ACL_SX_STRICT, sx_target_members,
              acl_sx_rule_target);
const struct acl_sx_type acl_sx_target = {.kind = ACL_SX_OBJECT,
                                          .obj = &sx_target};

/* ---- Gateways (strict) ------------------------------------------------ */

static const struct acl_sx_member sx_policy_config_members[] = {
    {"policyEngineName", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"mode", SX_ENUM("LOG_ONLY", "ENFORCE"), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_policy_config =
    SX_OBJECT("GatewayPolicyEngineConfiguration", ACL_SX_STRICT,
              sx_policy_config_members, NULL);

static const struct acl_sx_type sx_gateway_name = {
    .kind = ACL_SX_STRING,
    .flags = ACL_SX_MIN | ACL_SX_MAX,
    .min = 1,
    .max = 100,
    .pattern = ACL_PAT_GATEWAY_NAME};

static const struct acl_sx_member sx_gateway_members[] = {
    {"name", &sx_gateway_name, ACL_SX_REQ, 0},
    {"resourceName", &sx_gateway_name, ACL_SX_OPT, 0},
    {"protocolType", SX_ENUM("MCP", "None"), ACL_SX_OPT, 0},
    {"description", SX_STR, ACL_SX_OPT, 0},
    {"targets", SX_ARR(&acl_sx_target), ACL_SX_REQ, 0},
    {"authorizerType", SX_ENUM("NONE", "AWS_IAM", "CUSTOM_JWT"), ACL_SX_DEF,
     "\"NONE\""},
    {"authorizerConfiguration", &acl_sx_authorizer_config, ACL_SX_OPT, 0},
    {"enableSemanticSearch", SX_BOOL, ACL_SX_DEF, "true"},
    {"exceptionLevel", SX_ENUM("NONE", "DEBUG"), ACL_SX_DEF, "\"NONE\""},
    {"policyEngineConfiguration", SX_OBJ(&sx_policy_config), ACL_SX_OPT, 0},
    {"executionRoleArn",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MAX, .max = 2048,
          .pattern = ACL_PAT_ROLE_ARN_PREFIX),
     ACL_SX_OPT, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_gateway = SX_OBJECT(
    "AgentCoreGateway", ACL_SX_STRICT, sx_gateway_members, acl_sx_rule_gateway);
const struct acl_sx_type acl_sx_gateway = {.kind = ACL_SX_OBJECT,
                                           .obj = &sx_gateway};

/* ---- mcpRuntimeTools (strict) ----------------------------------------- */

static const struct acl_sx_member sx_binding_members[] = {
    {"runtimeName", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"envVarName", &acl_sx_env_name, ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_binding =
    SX_OBJECT("McpRuntimeBinding", ACL_SX_STRICT, sx_binding_members, NULL);

static const struct acl_sx_member sx_mcp_tool_members[] = {
    {"name", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"toolDefinition", &acl_sx_tool_definition, ACL_SX_REQ, 0},
    {"compute", SX_OBJ(&sx_runtime_compute), ACL_SX_REQ, 0},
    {"bindings", SX_ARR(SX_OBJ(&sx_binding)), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_mcp_tool = SX_OBJECT(
    "AgentCoreMcpRuntimeTool", ACL_SX_STRICT, sx_mcp_tool_members, NULL);
const struct acl_sx_type acl_sx_mcp_runtime_tool = {.kind = ACL_SX_OBJECT,
                                                    .obj = &sx_mcp_tool};
