/*
 * schema_files.c - agentcore/aws-targets.json (reference 5.1) and
 * agentcore/.cli/deployed-state.json (5.2). Every object here is strip;
 * the map keys of deployed state are resource names and go unchecked,
 * except the target keys, which are deployment target names.
 */
#include "schema_int.h"

/* ---- aws-targets.json: an array of targets ---------------------------- */

static const struct acl_sx_member sx_deploy_target_members[] = {
    {"name", SX_STR_LEN_PAT(1, 64, ACL_PAT_TARGET_NAME), ACL_SX_REQ, 0},
    {"description", SX_STR_MAX(256), ACL_SX_OPT, 0},
    {"account", SX_STR_PAT(ACL_PAT_ACCOUNT), ACL_SX_REQ, 0},
    {"region",
     SX_ENUM("ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-south-2",
             "ap-southeast-1", "ap-southeast-2", "ap-southeast-5",
             "ap-southeast-7", "ca-central-1", "eu-central-1", "eu-north-1",
             "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
             "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
             "us-gov-west-1"),
     ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_deploy_target = SX_OBJECT(
    "AwsDeploymentTarget", ACL_SX_STRIP, sx_deploy_target_members, NULL);

const struct acl_sx_type acl_sx_aws_targets = {
    .kind = ACL_SX_ARRAY,
    .item = SX_OBJ(&sx_deploy_target),
    .unique = "name",
    .unique_msg = "Duplicate deployment target name"};

/* ---- deployed-state.json ---------------------------------------------- */

#define S1 SX_STR_MIN(1)
#define STATE(nm, mem)                     \
    static const struct acl_sx_object nm = \
        SX_OBJECT(#nm, ACL_SX_STRIP, mem, NULL)
#define MAP_OF(o) SX_MAP(NULL, SX_OBJ(&(o)))

static const struct acl_sx_member sx_st_runtime_members[] = {
    {"runtimeId", S1, ACL_SX_REQ, 0},
    {"runtimeArn", S1, ACL_SX_REQ, 0},
    {"roleArn", S1, ACL_SX_REQ, 0},
    {"sessionId", SX_STR, ACL_SX_OPT, 0},
    {"memoryIds", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"browserId", SX_STR, ACL_SX_OPT, 0},
    {"codeInterpreterId", SX_STR, ACL_SX_OPT, 0},
    {"runtimeVersion", SX_INT_MIN(1), ACL_SX_OPT, 0},
};
STATE(sx_st_runtime, sx_st_runtime_members);

static const struct acl_sx_member sx_st_memory_members[] = {
    {"memoryId", S1, ACL_SX_REQ, 0}, {"memoryArn", S1, ACL_SX_REQ, 0}};
STATE(sx_st_memory, sx_st_memory_members);

static const struct acl_sx_member sx_st_gw_target_members[] = {
    {"targetId", S1, ACL_SX_REQ, 0}};
STATE(sx_st_gw_target, sx_st_gw_target_members);

static const struct acl_sx_member sx_st_gateway_members[] = {
    {"gatewayId", S1, ACL_SX_REQ, 0},
    {"gatewayArn", S1, ACL_SX_REQ, 0},
    {"gatewayUrl", SX_STR, ACL_SX_OPT, 0},
    {"targets", MAP_OF(sx_st_gw_target), ACL_SX_OPT, 0},
};
STATE(sx_st_gateway, sx_st_gateway_members);

static const struct acl_sx_member sx_st_mcp_runtime_members[] = {
    {"runtimeId", S1, ACL_SX_REQ, 0},
    {"runtimeArn", S1, ACL_SX_REQ, 0},
    {"runtimeEndpoint", S1, ACL_SX_REQ, 0},
};
STATE(sx_st_mcp_runtime, sx_st_mcp_runtime_members);
static const struct acl_sx_member sx_st_lambda_members[] = {
    {"functionArn", S1, ACL_SX_REQ, 0}, {"functionName", S1, ACL_SX_REQ, 0}};
STATE(sx_st_lambda, sx_st_lambda_members);
static const struct acl_sx_member sx_st_mcp_members[] = {
    {"gateways", MAP_OF(sx_st_gateway), ACL_SX_OPT, 0},
    {"runtimes", MAP_OF(sx_st_mcp_runtime), ACL_SX_OPT, 0},
    {"lambdas", MAP_OF(sx_st_lambda), ACL_SX_OPT, 0},
};
STATE(sx_st_mcp, sx_st_mcp_members);

static const struct acl_sx_member sx_st_jwt_members[] = {
    {"name", S1, ACL_SX_REQ, 0},
    {"allowedAudience", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"allowedClients", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"allowedScopes", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"customClaims", SX_ARR(&acl_sx_custom_claim), ACL_SX_OPT, 0},
    {"discoveryUrl", SX_STR, ACL_SX_REQ, 0},
};
STATE(sx_st_jwt, sx_st_jwt_members);
static const struct acl_sx_member sx_st_vpc_members[] = {
    {"name", S1, ACL_SX_REQ, 0},
    {"securityGroups", SX_ARR(SX_STR), ACL_SX_REQ, 0},
    {"subnets", SX_ARR(SX_STR), ACL_SX_REQ, 0},
};
STATE(sx_st_vpc, sx_st_vpc_members);
static const struct acl_sx_member sx_st_external_members[] = {
    {"customJwtAuthorizer", SX_OBJ(&sx_st_jwt), ACL_SX_OPT, 0},
    {"vpcConfig", SX_OBJ(&sx_st_vpc), ACL_SX_OPT, 0},
};
STATE(sx_st_external, sx_st_external_members);

static const struct acl_sx_member sx_st_credential_members[] = {
    {"credentialProviderArn", S1, ACL_SX_REQ, 0},
    {"clientSecretArn", SX_STR, ACL_SX_OPT, 0},
    {"callbackUrl", SX_STR, ACL_SX_OPT, 0},
};
STATE(sx_st_credential, sx_st_credential_members);
static const struct acl_sx_member sx_st_evaluator_members[] = {
    {"evaluatorId", S1, ACL_SX_REQ, 0}, {"evaluatorArn", S1, ACL_SX_REQ, 0}};
STATE(sx_st_evaluator, sx_st_evaluator_members);
static const struct acl_sx_member sx_st_online_members[] = {
    {"onlineEvaluationConfigId", S1, ACL_SX_REQ, 0},
    {"onlineEvaluationConfigArn", S1, ACL_SX_REQ, 0},
    {"executionStatus", SX_ENUM("ENABLED", "DISABLED"), ACL_SX_OPT, 0},
    {"agent", S1, ACL_SX_OPT, 0},
    {"endpoint", S1, ACL_SX_OPT, 0},
};
STATE(sx_st_online, sx_st_online_members);
static const struct acl_sx_member sx_st_dataset_members[] = {
    {"datasetId", S1, ACL_SX_REQ, 0},
    {"datasetArn", S1, ACL_SX_REQ, 0},
    {"contentHash", SX_STR, ACL_SX_OPT, 0},
};
STATE(sx_st_dataset, sx_st_dataset_members);
static const struct acl_sx_member sx_st_kb_source_members[] = {
    {"dataSourceId", S1, ACL_SX_REQ, 0}, {"uri", S1, ACL_SX_REQ, 0}};
STATE(sx_st_kb_source, sx_st_kb_source_members);
static const struct acl_sx_member sx_st_kb_members[] = {
    {"knowledgeBaseId", S1, ACL_SX_REQ, 0},
    {"knowledgeBaseArn", S1, ACL_SX_REQ, 0},
    {"dataSources", SX_ARR(SX_OBJ(&sx_st_kb_source)), ACL_SX_DEF, "[]"},
    {"sourcesHash", S1, ACL_SX_OPT, 0},
};
STATE(sx_st_kb, sx_st_kb_members);
static const struct acl_sx_member sx_st_bundle_members[] = {
    {"bundleId", S1, ACL_SX_REQ, 0},
    {"bundleArn", S1, ACL_SX_REQ, 0},
    {"versionId", S1, ACL_SX_REQ, 0},
};
STATE(sx_st_bundle, sx_st_bundle_members);
static const struct acl_sx_member sx_st_ab_members[] = {
    {"abTestId", S1, ACL_SX_REQ, 0},
    {"abTestArn", S1, ACL_SX_REQ, 0},
    {"roleArn", S1, ACL_SX_OPT, 0},
    {"roleCreatedByCli", SX_BOOL, ACL_SX_OPT, 0},
    {"configHash", SX_STR, ACL_SX_OPT, 0},
};
STATE(sx_st_ab, sx_st_ab_members);
static const struct acl_sx_member sx_st_engine_members[] = {
    {"policyEngineId", S1, ACL_SX_REQ, 0},
    {"policyEngineArn", S1, ACL_SX_REQ, 0}};
STATE(sx_st_engine, sx_st_engine_members);
static const struct acl_sx_member sx_st_policy_members[] = {
    {"policyId", S1, ACL_SX_REQ, 0},
    {"policyArn", S1, ACL_SX_REQ, 0},
    {"engineName", S1, ACL_SX_REQ, 0},
};
STATE(sx_st_policy, sx_st_policy_members);
static const struct acl_sx_member sx_st_harness_members[] = {
    {"harnessId", S1, ACL_SX_REQ, 0},
    {"harnessArn", S1, ACL_SX_REQ, 0},
    {"roleArn", S1, ACL_SX_REQ, 0},
    {"status", S1, ACL_SX_REQ, 0},
    {"harnessVersion", SX_INT_MIN(1), ACL_SX_OPT, 0},
    {"agentRuntimeArn", SX_STR, ACL_SX_OPT, 0},
    {"memoryArn", SX_STR, ACL_SX_OPT, 0},
    {"provisioner", SX_ENUM("cloudformation"), ACL_SX_OPT, 0},
};
STATE(sx_st_harness, sx_st_harness_members);
static const struct acl_sx_member sx_st_endpoint_members[] = {
    {"endpointId", S1, ACL_SX_REQ, 0}, {"endpointArn", S1, ACL_SX_REQ, 0}};
STATE(sx_st_endpoint, sx_st_endpoint_members);

static const struct acl_sx_member sx_st_conn_quick_members[] = {
    {"connectorId", S1, ACL_SX_REQ, 0},
    {"credentialProviderName", SX_STR, ACL_SX_OPT, 0},
    {"provisionMode", SX_ENUM("QUICK_CREATE"), ACL_SX_REQ, 0},
    {"credentialProviderArn", SX_NEVER, ACL_SX_OPT, 0},
};
STATE(sx_st_conn_quick, sx_st_conn_quick_members);
static const struct acl_sx_member sx_st_conn_manual_members[] = {
    {"connectorId", S1, ACL_SX_REQ, 0},
    {"credentialProviderName", SX_STR, ACL_SX_OPT, 0},
    {"provisionMode", SX_ENUM("MANUAL"), ACL_SX_OPT, 0},
    {"credentialProviderArn", S1, ACL_SX_REQ, 0},
};
STATE(sx_st_conn_manual, sx_st_conn_manual_members);
static const struct acl_sx_member sx_st_payment_members[] = {
    {"managerId", S1, ACL_SX_REQ, 0},
    {"managerArn", S1, ACL_SX_REQ, 0},
    {"connectors",
     SX_MAP(NULL,
            SX_T(.kind = ACL_SX_UNION,
                 .options = SX_OPTIONS(SX_OBJ(&sx_st_conn_quick),
                                       SX_OBJ(&sx_st_conn_manual)),
                 .noptions = 2,
                 .desc = "{connectorId, provisionMode: \"QUICK_CREATE\"} or "
                         "{connectorId, provisionMode?: \"MANUAL\", "
                         "credentialProviderArn}")),
     ACL_SX_DEF, "{}"},
    {"processPaymentRoleArn", S1, ACL_SX_REQ, 0},
    {"resourceRetrievalRoleArn", S1, ACL_SX_REQ, 0},
    {"authorizerType", SX_ENUM("AWS_IAM", "CUSTOM_JWT"), ACL_SX_OPT, 0},
    {"autoPayment", SX_BOOL, ACL_SX_OPT, 0},
    {"paymentToolAllowlist", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"networkPreferences", SX_ARR(SX_STR), ACL_SX_OPT, 0},
};
STATE(sx_st_payment, sx_st_payment_members);
static const struct acl_sx_member sx_st_cp_members[] = {
    {"capacityProviderId", S1, ACL_SX_REQ, 0},
    {"capacityProviderArn", S1, ACL_SX_REQ, 0}};
STATE(sx_st_cp, sx_st_cp_members);

static const struct acl_sx_member sx_st_resources_members[] = {
    {"runtimes", MAP_OF(sx_st_runtime), ACL_SX_OPT, 0},
    {"memories", MAP_OF(sx_st_memory), ACL_SX_OPT, 0},
    {"mcp", SX_OBJ(&sx_st_mcp), ACL_SX_OPT, 0},
    {"gateways", MAP_OF(sx_st_gateway), ACL_SX_OPT, 0},
    {"externallyManaged", SX_OBJ(&sx_st_external), ACL_SX_OPT, 0},
    {"credentials", MAP_OF(sx_st_credential), ACL_SX_OPT, 0},
    {"evaluators", MAP_OF(sx_st_evaluator), ACL_SX_OPT, 0},
    {"onlineEvalConfigs", MAP_OF(sx_st_online), ACL_SX_OPT, 0},
    {"datasets", MAP_OF(sx_st_dataset), ACL_SX_OPT, 0},
    {"knowledgeBases", MAP_OF(sx_st_kb), ACL_SX_OPT, 0},
    {"configBundles", MAP_OF(sx_st_bundle), ACL_SX_OPT, 0},
    {"abTests", MAP_OF(sx_st_ab), ACL_SX_OPT, 0},
    {"policyEngines", MAP_OF(sx_st_engine), ACL_SX_OPT, 0},
    {"policies", MAP_OF(sx_st_policy), ACL_SX_OPT, 0},
    {"harnesses", MAP_OF(sx_st_harness), ACL_SX_OPT, 0},
    {"runtimeEndpoints", MAP_OF(sx_st_endpoint), ACL_SX_OPT, 0},
    {"payments", MAP_OF(sx_st_payment), ACL_SX_OPT, 0},
    {"capacityProviders", MAP_OF(sx_st_cp), ACL_SX_OPT, 0},
    {"stackName", SX_STR, ACL_SX_OPT, 0},
    {"identityKmsKeyArn", SX_STR, ACL_SX_OPT, 0},
    {"deployHash", SX_STR, ACL_SX_OPT, 0},
};
STATE(sx_st_resources, sx_st_resources_members);
static const struct acl_sx_member sx_st_target_members[] = {
    {"resources", SX_OBJ(&sx_st_resources), ACL_SX_OPT, 0}};
STATE(sx_st_target, sx_st_target_members);

static const struct acl_sx_member sx_state_members[] = {
    {"targets",
     SX_MAP(SX_STR_LEN_PAT(1, 64, ACL_PAT_TARGET_NAME), SX_OBJ(&sx_st_target)),
     ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_state =
    SX_OBJECT("DeployedState", ACL_SX_STRIP, sx_state_members, NULL);
const struct acl_sx_type acl_sx_deployed_state = {.kind = ACL_SX_OBJECT,
                                                  .obj = &sx_state};
