/*
 * schema_shared.c - schema pieces several resources use (reference
 * section 3.0 and 3.7.1): tags, network and lifecycle settings, the
 * custom JWT authorizer, connections, tool definitions, mount paths.
 */
#include "schema_int.h"

/* ---- Names, IDs, enums ------------------------------------------------ */

const struct acl_sx_type acl_sx_name48 = {.kind = ACL_SX_STRING,
                                          .flags = ACL_SX_MIN | ACL_SX_MAX,
                                          .min = 1,
                                          .max = 48,
                                          .pattern = ACL_PAT_NAME48};

const struct acl_sx_type acl_sx_env_name = {.kind = ACL_SX_STRING,
                                            .flags = ACL_SX_MIN | ACL_SX_MAX,
                                            .min = 1,
                                            .max = 255,
                                            .pattern = ACL_PAT_ENV_NAME};

const struct acl_sx_type acl_sx_kms_arn = {.kind = ACL_SX_STRING,
                                           .pattern = ACL_PAT_KMS_ARN};

const struct acl_sx_type acl_sx_python_version = {
    .kind = ACL_SX_ENUM,
    .values = ACL_SX_VALUES("PYTHON_3_10", "PYTHON_3_11", "PYTHON_3_12",
                            "PYTHON_3_13", "PYTHON_3_14")};

const struct acl_sx_type acl_sx_node_version = {
    .kind = ACL_SX_ENUM,
    .values = ACL_SX_VALUES("NODE_18", "NODE_20", "NODE_22")};

const struct acl_sx_type acl_sx_network_mode = {
    .kind = ACL_SX_ENUM, .values = ACL_SX_VALUES("PUBLIC", "VPC")};

/* ---- Tags: map<TagKey 1-128, TagValue 0-256>, at most 50 -------------- */

static const struct acl_sx_type sx_tag_key = {.kind = ACL_SX_STRING,
                                              .flags = ACL_SX_MIN | ACL_SX_MAX,
                                              .min = 1,
                                              .max = 128,
                                              .pattern = ACL_PAT_TAG,
                                              .check = acl_sx_check_tag_key};

const struct acl_sx_type acl_sx_tags = {.kind = ACL_SX_MAP,
                                        .key = &sx_tag_key,
                                        .item =
                                            SX_STR_LEN_PAT(0, 256, ACL_PAT_TAG),
                                        .flags = ACL_SX_MAX,
                                        .max = 50};

/* ---- NetworkConfig (strip) -------------------------------------------- */

static const struct acl_sx_member sx_network_members[] = {
    {"subnets", SX_ARR_LEN(SX_STR_PAT(ACL_PAT_SUBNET_ID), 1, 16), ACL_SX_REQ,
     0},
    {"securityGroups", SX_ARR_LEN(SX_STR_PAT(ACL_PAT_SG_ID), 1, 16), ACL_SX_REQ,
     0},
    {"vpcId", SX_STR_PAT(ACL_PAT_VPC_ID), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_network =
    SX_OBJECT("NetworkConfig", ACL_SX_STRIP, sx_network_members, NULL);
const struct acl_sx_type acl_sx_network_config = {.kind = ACL_SX_OBJECT,
                                                  .obj = &sx_network};

/* ---- LifecycleConfiguration (strip) ----------------------------------- */

static const struct acl_sx_member sx_lifecycle_members[] = {
    {"idleRuntimeSessionTimeout", SX_INT_RANGE(60, 28800), ACL_SX_OPT, 0},
    {"maxLifetime", SX_INT_RANGE(60, 28800), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_lifecycle_obj =
    SX_OBJECT("LifecycleConfiguration", ACL_SX_STRIP, sx_lifecycle_members,
              acl_sx_rule_lifecycle);
const struct acl_sx_type acl_sx_lifecycle = {.kind = ACL_SX_OBJECT,
                                             .obj = &sx_lifecycle_obj};

/* ---- Mount paths and access points ------------------------------------ */

const struct acl_sx_type acl_sx_mount_path = {.kind = ACL_SX_STRING,
                                              .flags = ACL_SX_MIN | ACL_SX_MAX,
                                              .min = 6,
                                              .max = 200,
                                              .pattern = ACL_PAT_MOUNT_PATH};

static const struct acl_sx_member sx_efs_members[] = {
    {"accessPointArn", SX_STR_PAT(ACL_PAT_EFS_ARN), ACL_SX_REQ, 0},
    {"mountPath", &acl_sx_mount_path, ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_efs =
    SX_OBJECT("EfsAccessPointConfig", ACL_SX_STRIP, sx_efs_members, NULL);
const struct acl_sx_type acl_sx_efs_access_point = {.kind = ACL_SX_OBJECT,
                                                    .obj = &sx_efs};

static const struct acl_sx_member sx_s3files_members[] = {
    {"accessPointArn", SX_STR_PAT(ACL_PAT_S3FILES_ARN), ACL_SX_REQ, 0},
    {"mountPath", &acl_sx_mount_path, ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_s3files = SX_OBJECT(
    "S3FilesAccessPointConfig", ACL_SX_STRIP, sx_s3files_members, NULL);
const struct acl_sx_type acl_sx_s3files_access_point = {.kind = ACL_SX_OBJECT,
                                                        .obj = &sx_s3files};

/* ---- CustomJwtAuthorizer (3.7.1) -------------------------------------- */

static const struct acl_sx_type sx_match_value = {
    .kind = ACL_SX_STRING,
    .flags = ACL_SX_MIN | ACL_SX_MAX,
    .min = 1,
    .max = 255,
    .pattern = ACL_PAT_MATCH_VALUE};

static const struct acl_sx_member sx_claim_value_members[] = {
    {"matchValueString", &sx_match_value, ACL_SX_OPT, 0},
    {"matchValueStringList", SX_ARR_LEN(&sx_match_value, 1, 255), ACL_SX_OPT,
     0},
};
static const struct acl_sx_object sx_claim_value =
    SX_OBJECT("ClaimMatchValue", ACL_SX_STRIP, sx_claim_value_members,
              acl_sx_rule_claim_value);

static const struct acl_sx_member sx_claim_match_members[] = {
    {"claimMatchOperator", SX_ENUM("EQUALS", "CONTAINS", "CONTAINS_ANY"),
     ACL_SX_REQ, 0},
    {"claimMatchValue", SX_OBJ(&sx_claim_value), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_claim_match = SX_OBJECT(
    "AuthorizingClaimMatchValue", ACL_SX_STRIP, sx_claim_match_members, NULL);

static const struct acl_sx_member sx_claim_members[] = {
    {"inboundTokenClaimName",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN | ACL_SX_MAX, .min = 1,
          .max = 255, .pattern = ACL_PAT_CLAIM_NAME,
          .check = acl_sx_check_claim_name),
     ACL_SX_REQ, 0},
    {"inboundTokenClaimValueType", SX_ENUM("STRING", "STRING_ARRAY"),
     ACL_SX_REQ, 0},
    {"authorizingClaimMatchValue", SX_OBJ(&sx_claim_match), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_claim =
    SX_OBJECT("CustomClaim", ACL_SX_STRICT, sx_claim_members, NULL);
const struct acl_sx_type acl_sx_custom_claim = {.kind = ACL_SX_OBJECT,
                                                .obj = &sx_claim};

static const struct acl_sx_member sx_lattice_members[] = {
    {"resourceConfigurationIdentifier",
     SX_STR_LEN_PAT(20, 2048, ACL_PAT_LATTICE), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_lattice = SX_OBJECT(
    "SelfManagedLatticeResource", ACL_SX_STRICT, sx_lattice_members, NULL);

static const struct acl_sx_member sx_managed_vpc_members[] = {
    {"vpcIdentifier", SX_STR_PAT(ACL_PAT_VPC_ID), ACL_SX_REQ, 0},
    {"subnetIds", SX_ARR_MIN(SX_STR_PAT(ACL_PAT_SUBNET_ID), 1), ACL_SX_REQ, 0},
    {"endpointIpAddressType", SX_ENUM("IPV4", "IPV6"), ACL_SX_REQ, 0},
    {"securityGroupIds", SX_ARR_MAX(SX_STR_PAT(ACL_PAT_SG_ID), 5), ACL_SX_OPT,
     0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
    {"routingDomain", SX_STR_LEN(3, 255), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_managed_vpc = SX_OBJECT(
    "ManagedVpcResource", ACL_SX_STRICT, sx_managed_vpc_members, NULL);

static const struct acl_sx_member sx_private_endpoint_members[] = {
    {"selfManagedLatticeResource", SX_OBJ(&sx_lattice), ACL_SX_OPT, 0},
    {"managedVpcResource", SX_OBJ(&sx_managed_vpc), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_private_endpoint =
    SX_OBJECT("PrivateEndpoint", ACL_SX_STRICT, sx_private_endpoint_members,
              acl_sx_rule_private_endpoint);

static const struct acl_sx_member sx_override_members[] = {
    {"domain", SX_STR_LEN(1, 253), ACL_SX_REQ, 0},
    {"privateEndpoint", SX_OBJ(&sx_private_endpoint), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_override = SX_OBJECT(
    "PrivateEndpointOverride", ACL_SX_STRICT, sx_override_members, NULL);

static const struct acl_sx_member sx_jwt_members[] = {
    {"discoveryUrl", SX_T(.kind = ACL_SX_URL, .check = acl_sx_check_oidc_url),
     ACL_SX_REQ, 0},
    {"allowedAudience", SX_ARR(SX_STR_MIN(1)), ACL_SX_OPT, 0},
    {"allowedClients", SX_ARR(SX_STR_MIN(1)), ACL_SX_OPT, 0},
    {"allowedScopes", SX_ARR(SX_STR_LEN_PAT(1, 255, ACL_PAT_SCOPE)), ACL_SX_OPT,
     0},
    {"customClaims", SX_ARR_MIN(&acl_sx_custom_claim, 1), ACL_SX_OPT, 0},
    {"privateEndpoint", SX_OBJ(&sx_private_endpoint), ACL_SX_OPT, 0},
    {"privateEndpointOverrides", SX_ARR_MAX(SX_OBJ(&sx_override), 5),
     ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_jwt = SX_OBJECT(
    "CustomJwtAuthorizer", ACL_SX_STRICT, sx_jwt_members, acl_sx_rule_jwt);

static const struct acl_sx_member sx_authorizer_members[] = {
    {"customJwtAuthorizer", SX_OBJ(&sx_jwt), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_authorizer = SX_OBJECT(
    "AuthorizerConfiguration", ACL_SX_STRIP, sx_authorizer_members, NULL);
const struct acl_sx_type acl_sx_authorizer_config = {.kind = ACL_SX_OBJECT,
                                                     .obj = &sx_authorizer};

/* ---- Connections ------------------------------------------------------ */

/* {} only: a strict object without members. */
static const struct acl_sx_object sx_empty = {.name = "{}",
                                              .mode = ACL_SX_STRICT};

static const struct acl_sx_member sx_aws_iam_members[] = {
    {"awsIam", SX_OBJ(&sx_empty), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_aws_iam =
    SX_OBJECT("{awsIam}", ACL_SX_STRICT, sx_aws_iam_members, NULL);
static const struct acl_sx_member sx_none_members[] = {
    {"none", SX_OBJ(&sx_empty), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_none =
    SX_OBJECT("{none}", ACL_SX_STRICT, sx_none_members, NULL);

static const struct acl_sx_member sx_oauth_inner_members[] = {
    {"providerArn", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"scopes", SX_ARR(SX_STR_MIN(1)), ACL_SX_REQ, 0},
    {"grantType",
     SX_ENUM("CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "TOKEN_EXCHANGE"),
     ACL_SX_OPT, 0},
    {"customParameters", SX_MAP(NULL, SX_STR), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_oauth_inner =
    SX_OBJECT("oauth", ACL_SX_STRICT, sx_oauth_inner_members, NULL);
static const struct acl_sx_member sx_oauth_members[] = {
    {"oauth", SX_OBJ(&sx_oauth_inner), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_oauth =
    SX_OBJECT("{oauth}", ACL_SX_STRICT, sx_oauth_members, NULL);

static const struct acl_sx_type sx_gateway_outbound = {
    .kind = ACL_SX_UNION,
    .options =
        SX_OPTIONS(SX_OBJ(&sx_aws_iam), SX_OBJ(&sx_none), SX_OBJ(&sx_oauth)),
    .noptions = 3,
    .desc = "one of {\"awsIam\": {}}, {\"none\": {}} or {\"oauth\": {...}}"};

static const struct acl_sx_member sx_to_memory_members[] = {
    {"type", SX_ENUM("memory"), ACL_SX_REQ, 0},
    {"arn", SX_STR_PAT(ACL_PAT_MEMORY_ARN), ACL_SX_REQ, 0},
    {"namespaces", SX_ARR(SX_STR_MIN(1)), ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_to_gateway_members[] = {
    {"type", SX_ENUM("gateway"), ACL_SX_REQ, 0},
    {"arn", SX_STR_PAT(ACL_PAT_GATEWAY_ARN), ACL_SX_REQ, 0},
    {"outboundAuth", &sx_gateway_outbound, ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_to_runtime_members[] = {
    {"type", SX_ENUM("runtime"), ACL_SX_REQ, 0},
    {"arn", SX_STR_PAT(ACL_PAT_RUNTIME_ARN), ACL_SX_REQ, 0},
    {"exec", SX_BOOL, ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_to_browser_members[] = {
    {"type", SX_ENUM("browser"), ACL_SX_REQ, 0},
    {"arn", SX_STR_PAT(ACL_PAT_BROWSER_ARN), ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_to_ci_members[] = {
    {"type", SX_ENUM("codeInterpreter"), ACL_SX_REQ, 0},
    {"arn", SX_STR_PAT(ACL_PAT_CODE_INTERPRETER_ARN), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_to_memory =
    SX_OBJECT("MemoryTarget", ACL_SX_STRICT, sx_to_memory_members, NULL);
static const struct acl_sx_object sx_to_gateway =
    SX_OBJECT("GatewayTarget", ACL_SX_STRICT, sx_to_gateway_members, NULL);
static const struct acl_sx_object sx_to_runtime =
    SX_OBJECT("RuntimeTarget", ACL_SX_STRICT, sx_to_runtime_members, NULL);
static const struct acl_sx_object sx_to_browser =
    SX_OBJECT("BrowserTarget", ACL_SX_STRICT, sx_to_browser_members, NULL);
static const struct acl_sx_object sx_to_ci =
    SX_OBJECT("CodeInterpreterTarget", ACL_SX_STRICT, sx_to_ci_members, NULL);

static const struct acl_sx_member sx_connection_members[] = {
    {"id", SX_STR_PAT(ACL_PAT_CONNECTION_ID), ACL_SX_OPT, 0},
    {"to",
     SX_T(.kind = ACL_SX_DUNION, .tag = "type",
          .options = SX_OPTIONS(SX_OBJ(&sx_to_memory), SX_OBJ(&sx_to_gateway),
                                SX_OBJ(&sx_to_runtime), SX_OBJ(&sx_to_browser),
                                SX_OBJ(&sx_to_ci)),
          .noptions = 5),
     ACL_SX_REQ, 0},
    {"access", SX_ENUM("read", "readwrite"), ACL_SX_OPT, 0},
    {"description", SX_STR_MAX(200), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_connection =
    SX_OBJECT("Connection", ACL_SX_STRICT, sx_connection_members, NULL);
const struct acl_sx_type acl_sx_connections = {.kind = ACL_SX_ARRAY,
                                               .item = SX_OBJ(&sx_connection)};

/* ---- ToolDefinition and the recursive SchemaDefinition ---------------- */

static const struct acl_sx_type sx_schema_def;
static const struct acl_sx_member sx_schema_def_members[] = {
    {"type",
     SX_ENUM("string", "number", "object", "array", "boolean", "integer"),
     ACL_SX_REQ, 0},
    {"description", SX_STR, ACL_SX_OPT, 0},
    {"items", &sx_schema_def, ACL_SX_OPT, 0},
    {"properties", SX_MAP(NULL, &sx_schema_def), ACL_SX_OPT, 0},
    {"required", SX_ARR(SX_STR), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_schema_def_obj =
    SX_OBJECT("SchemaDefinition", ACL_SX_STRIP, sx_schema_def_members, NULL);
static const struct acl_sx_type sx_schema_def = {.kind = ACL_SX_OBJECT,
                                                 .obj = &sx_schema_def_obj};

static const struct acl_sx_member sx_tool_def_members[] = {
    {"name", SX_STR_LEN(1, 128), ACL_SX_REQ, 0},
    {"description", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"inputSchema", &sx_schema_def, ACL_SX_REQ, 0},
    {"outputSchema", &sx_schema_def, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_tool_def =
    SX_OBJECT("ToolDefinition", ACL_SX_STRICT, sx_tool_def_members, NULL);
const struct acl_sx_type acl_sx_tool_definition = {.kind = ACL_SX_OBJECT,
                                                   .obj = &sx_tool_def};
