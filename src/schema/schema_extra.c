/*
 * schema_extra.c - the rarer agentcore.json resources: knowledge bases
 * (reference 3.3), evaluators (3.5), online eval configs (3.6), config
 * bundles (3.11), AB tests (3.12), datasets (3.14), capacity providers
 * (3.15) and payment managers (3.16).
 */
#include "schema_int.h"

/* ---- Knowledge bases (strict) ----------------------------------------- */

static const struct acl_sx_member sx_ds_s3_members[] = {
    {"type", SX_ENUM("S3"), ACL_SX_REQ, 0},
    {"uri",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN, .min = 1,
          .check = acl_sx_check_s3_uri),
     ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_ds_s3 =
    SX_OBJECT("S3DataSource", ACL_SX_STRICT, sx_ds_s3_members, NULL);
static const struct acl_sx_member sx_ds_file_members[] = {
    {"type",
     SX_ENUM("WEB", "CONFLUENCE", "SHAREPOINT", "ONEDRIVE", "GOOGLEDRIVE"),
     ACL_SX_REQ, 0},
    {"connectorConfigFile", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_ds_file = SX_OBJECT(
    "ConnectorFileDataSource", ACL_SX_STRICT, sx_ds_file_members, NULL);

static const struct acl_sx_member sx_kb_members[] = {
    {"type", SX_ENUM("AgentCoreKnowledgeBase"), ACL_SX_DEF,
     "\"AgentCoreKnowledgeBase\""},
    {"name", SX_STR_LEN_PAT(1, 48, ACL_PAT_KB_NAME), ACL_SX_REQ, 0},
    {"description", SX_STR_MAX(2048), ACL_SX_OPT, 0},
    {"dataSources",
     SX_T(.kind = ACL_SX_ARRAY, .flags = ACL_SX_MIN, .min = 1,
          .item = SX_T(.kind = ACL_SX_DUNION, .tag = "type",
                       .options =
                           SX_OPTIONS(SX_OBJ(&sx_ds_s3), SX_OBJ(&sx_ds_file)),
                       .noptions = 2),
          .unique = "uri|connectorConfigFile",
          .unique_msg = "Duplicate data source"),
     ACL_SX_REQ, 0},
    {"gateway", SX_STR_MIN(1), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_kb =
    SX_OBJECT("KnowledgeBase", ACL_SX_STRICT, sx_kb_members, NULL);
const struct acl_sx_type acl_sx_knowledge_base = {.kind = ACL_SX_OBJECT,
                                                  .obj = &sx_kb};

/* ---- Evaluators (strip) ----------------------------------------------- */

static const struct acl_sx_member sx_numerical_members[] = {
    {"value", SX_INT, ACL_SX_REQ, 0},
    {"label", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"definition", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_numerical =
    SX_OBJECT("NumericalRating", ACL_SX_STRIP, sx_numerical_members, NULL);
static const struct acl_sx_member sx_categorical_members[] = {
    {"label", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"definition", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_categorical =
    SX_OBJECT("CategoricalRating", ACL_SX_STRIP, sx_categorical_members, NULL);
static const struct acl_sx_member sx_rating_members[] = {
    {"numerical", SX_ARR(SX_OBJ(&sx_numerical)), ACL_SX_OPT, 0},
    {"categorical", SX_ARR(SX_OBJ(&sx_categorical)), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_rating = SX_OBJECT(
    "RatingScale", ACL_SX_STRIP, sx_rating_members, acl_sx_rule_rating_scale);

static const struct acl_sx_member sx_judge_members[] = {
    {"modelProvider", SX_ENUM("Bedrock", "OpenResponses"), ACL_SX_OPT, 0},
    {"model",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_TRIM | ACL_SX_MIN | ACL_SX_MAX,
          .min = 1, .max = 2048, .pattern = ACL_PAT_MODEL_ID),
     ACL_SX_REQ, 0},
    {"instructions", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"ratingScale", SX_OBJ(&sx_rating), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_judge =
    SX_OBJECT("LlmAsAJudgeConfig", ACL_SX_STRIP, sx_judge_members, NULL);

static const struct acl_sx_member sx_managed_code_members[] = {
    {"codeLocation", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"entrypoint", SX_STR_MIN(1), ACL_SX_DEF, "\"lambda_function.handler\""},
    {"timeoutSeconds", SX_INT_RANGE(1, 300), ACL_SX_DEF, "60"},
    {"additionalPolicies", SX_ARR(SX_STR_MIN(1)), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_managed_code = SX_OBJECT(
    "ManagedCodeBasedConfig", ACL_SX_STRIP, sx_managed_code_members, NULL);
static const struct acl_sx_member sx_external_code_members[] = {
    {"lambdaArn",
     SX_T(.kind = ACL_SX_STRING, .flags = ACL_SX_MIN, .min = 1,
          .pattern = ACL_PAT_LAMBDA_ARN),
     ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_external_code = SX_OBJECT(
    "ExternalCodeBasedConfig", ACL_SX_STRIP, sx_external_code_members, NULL);
static const struct acl_sx_member sx_code_based_members[] = {
    {"managed", SX_OBJ(&sx_managed_code), ACL_SX_OPT, 0},
    {"external", SX_OBJ(&sx_external_code), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_code_based =
    SX_OBJECT("CodeBasedConfig", ACL_SX_STRIP, sx_code_based_members,
              acl_sx_rule_code_based);

static const struct acl_sx_member sx_eval_config_members[] = {
    {"llmAsAJudge", SX_OBJ(&sx_judge), ACL_SX_OPT, 0},
    {"codeBased", SX_OBJ(&sx_code_based), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_eval_config =
    SX_OBJECT("EvaluatorConfig", ACL_SX_STRIP, sx_eval_config_members,
              acl_sx_rule_evaluator_config);

static const struct acl_sx_member sx_evaluator_members[] = {
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"level", SX_ENUM("SESSION", "TRACE", "TOOL_CALL"), ACL_SX_REQ, 0},
    {"description", SX_STR, ACL_SX_OPT, 0},
    {"config", SX_OBJ(&sx_eval_config), ACL_SX_REQ, 0},
    {"kmsKeyArn", &acl_sx_kms_arn, ACL_SX_OPT, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_evaluator =
    SX_OBJECT("Evaluator", ACL_SX_STRIP, sx_evaluator_members, NULL);
const struct acl_sx_type acl_sx_evaluator = {.kind = ACL_SX_OBJECT,
                                             .obj = &sx_evaluator};

/* ---- Online eval configs (strip) -------------------------------------- */

static const struct acl_sx_member sx_clustering_members[] = {
    {"frequencies", SX_ARR_LEN(SX_ENUM("DAILY", "WEEKLY", "MONTHLY"), 1, 3),
     ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_clustering =
    SX_OBJECT("ClusteringConfig", ACL_SX_STRIP, sx_clustering_members, NULL);

static const struct acl_sx_member sx_online_eval_members[] = {
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"agent", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"endpoint", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"logGroupNames", SX_ARR_LEN(SX_STR_MIN(1), 1, 5), ACL_SX_OPT, 0},
    {"serviceNames", SX_ARR_MIN(SX_STR_MIN(1), 1), ACL_SX_OPT, 0},
    {"evaluators", SX_ARR(SX_STR_MIN(1)), ACL_SX_OPT, 0},
    {"insights", SX_ARR(SX_STR_MIN(1)), ACL_SX_OPT, 0},
    {"clusteringConfig", SX_OBJ(&sx_clustering), ACL_SX_OPT, 0},
    {"samplingRate", SX_NUM_RANGE(0.01, 100), ACL_SX_REQ, 0},
    {"description", SX_STR_MAX(200), ACL_SX_OPT, 0},
    {"enableOnCreate", SX_BOOL, ACL_SX_OPT, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_online_eval =
    SX_OBJECT("OnlineEvalConfig", ACL_SX_STRIP, sx_online_eval_members,
              acl_sx_rule_online_eval);
const struct acl_sx_type acl_sx_online_eval = {.kind = ACL_SX_OBJECT,
                                               .obj = &sx_online_eval};

/* ---- Config bundles (strip) ------------------------------------------- */

static const struct acl_sx_member sx_component_members[] = {
    {"configuration", SX_MAP(NULL, SX_ANY), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_component = SX_OBJECT(
    "ComponentConfiguration", ACL_SX_STRIP, sx_component_members, NULL);

static const struct acl_sx_member sx_bundle_members[] = {
    {"name", SX_STR_LEN_PAT(1, 100, ACL_PAT_BUNDLE_NAME), ACL_SX_REQ, 0},
    {"type", SX_ENUM("ConfigurationBundle"), ACL_SX_DEF,
     "\"ConfigurationBundle\""},
    {"description", SX_STR_LEN(1, 500), ACL_SX_OPT, 0},
    {"components", SX_MAP(NULL, SX_OBJ(&sx_component)), ACL_SX_REQ, 0},
    {"branchName", SX_STR_MAX(128), ACL_SX_OPT, 0},
    {"commitMessage", SX_STR_MAX(500), ACL_SX_OPT, 0},
    {"kmsKeyArn", &acl_sx_kms_arn, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_bundle =
    SX_OBJECT("ConfigBundle", ACL_SX_STRIP, sx_bundle_members, NULL);
const struct acl_sx_type acl_sx_config_bundle = {.kind = ACL_SX_OBJECT,
                                                 .obj = &sx_bundle};

/* ---- AB tests (strip) ------------------------------------------------- */

static const struct acl_sx_type sx_variant_name = {
    .kind = ACL_SX_ENUM, .values = ACL_SX_VALUES("C", "T1")};

static const struct acl_sx_member sx_bundle_ref_members[] = {
    {"bundleArn", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"bundleVersion", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_bundle_ref = SX_OBJECT(
    "ConfigurationBundleRef", ACL_SX_STRIP, sx_bundle_ref_members, NULL);
static const struct acl_sx_member sx_target_ref_members[] = {
    {"targetName", SX_STR_LEN(1, 100), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_target_ref =
    SX_OBJECT("TargetRef", ACL_SX_STRIP, sx_target_ref_members, NULL);
static const struct acl_sx_member sx_vc_bundle_members[] = {
    {"configurationBundle", SX_OBJ(&sx_bundle_ref), ACL_SX_REQ, 0},
    {"target", SX_NEVER, ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_vc_target_members[] = {
    {"configurationBundle", SX_NEVER, ACL_SX_OPT, 0},
    {"target", SX_OBJ(&sx_target_ref), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_vc_bundle = SX_OBJECT(
    "ConfigBundleVariantConfig", ACL_SX_STRIP, sx_vc_bundle_members, NULL);
static const struct acl_sx_object sx_vc_target =
    SX_OBJECT("TargetVariantConfig", ACL_SX_STRIP, sx_vc_target_members, NULL);

static const struct acl_sx_member sx_variant_members[] = {
    {"name", &sx_variant_name, ACL_SX_REQ, 0},
    {"weight", SX_INT_RANGE(1, 100), ACL_SX_REQ, 0},
    {"variantConfiguration",
     SX_T(.kind = ACL_SX_UNION,
          .options = SX_OPTIONS(SX_OBJ(&sx_vc_bundle), SX_OBJ(&sx_vc_target)),
          .noptions = 2,
          .desc =
              "an object with exactly one of configurationBundle or target"),
     ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_variant =
    SX_OBJECT("ABTestVariant", ACL_SX_STRIP, sx_variant_members, NULL);

static const struct acl_sx_member sx_per_variant_members[] = {
    {"treatmentName", &sx_variant_name, ACL_SX_REQ, 0},
    {"onlineEvaluationConfigArn", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_per_variant =
    SX_OBJECT("PerVariantOnlineEvaluationConfig", ACL_SX_STRIP,
              sx_per_variant_members, NULL);
static const struct acl_sx_member sx_eval_arn_members[] = {
    {"onlineEvaluationConfigArn", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_member sx_eval_per_members[] = {
    {"perVariantOnlineEvaluationConfig",
     SX_ARR_LEN(SX_OBJ(&sx_per_variant), 2, 2), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_eval_arn = SX_OBJECT(
    "{onlineEvaluationConfigArn}", ACL_SX_STRIP, sx_eval_arn_members, NULL);
static const struct acl_sx_object sx_eval_per =
    SX_OBJECT("{perVariantOnlineEvaluationConfig}", ACL_SX_STRIP,
              sx_eval_per_members, NULL);

static const struct acl_sx_member sx_gateway_filter_members[] = {
    {"targetPaths", SX_ARR_MAX(SX_STR_LEN(1, 500), 1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_gateway_filter =
    SX_OBJECT("GatewayFilter", ACL_SX_STRIP, sx_gateway_filter_members, NULL);

static const struct acl_sx_member sx_ab_test_members[] = {
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"description", SX_STR_LEN(1, 200), ACL_SX_OPT, 0},
    {"mode", SX_ENUM("config-bundle", "target-based"), ACL_SX_DEF,
     "\"config-bundle\""},
    {"gatewayRef", SX_STR_MIN(1), ACL_SX_REQ, 0},
    {"roleArn", SX_STR_MIN(1), ACL_SX_OPT, 0},
    {"variants", SX_ARR_LEN(SX_OBJ(&sx_variant), 2, 2), ACL_SX_REQ, 0},
    {"evaluationConfig",
     SX_T(.kind = ACL_SX_UNION,
          .options = SX_OPTIONS(SX_OBJ(&sx_eval_arn), SX_OBJ(&sx_eval_per)),
          .noptions = 2,
          .desc = "{\"onlineEvaluationConfigArn\": ...} or "
                  "{\"perVariantOnlineEvaluationConfig\": [2 items]}"),
     ACL_SX_REQ, 0},
    {"gatewayFilter", SX_OBJ(&sx_gateway_filter), ACL_SX_OPT, 0},
    {"enableOnCreate", SX_BOOL, ACL_SX_OPT, 0},
    {"promoted", SX_BOOL, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_ab_test =
    SX_OBJECT("ABTest", ACL_SX_STRIP, sx_ab_test_members, acl_sx_rule_ab_test);
const struct acl_sx_type acl_sx_ab_test = {.kind = ACL_SX_OBJECT,
                                           .obj = &sx_ab_test};

/* ---- Datasets (strip) ------------------------------------------------- */

static const struct acl_sx_member sx_ds_managed_members[] = {
    {"location", SX_STR_MIN(1), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_ds_managed = SX_OBJECT(
    "DatasetManagedConfig", ACL_SX_STRIP, sx_ds_managed_members, NULL);
static const struct acl_sx_member sx_ds_config_members[] = {
    {"managed", SX_OBJ(&sx_ds_managed), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_ds_config =
    SX_OBJECT("DatasetConfig", ACL_SX_STRIP, sx_ds_config_members, NULL);

static const struct acl_sx_member sx_dataset_members[] = {
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"schemaType",
     SX_ENUM("AGENTCORE_EVALUATION_PREDEFINED_V1",
             "AGENTCORE_EVALUATION_SIMULATED_V1"),
     ACL_SX_REQ, 0},
    {"description", SX_STR_MAX(200), ACL_SX_OPT, 0},
    {"config", SX_OBJ(&sx_ds_config), ACL_SX_REQ, 0},
    {"kmsKeyArn", SX_STR_PAT(ACL_PAT_DATASET_KMS_ARN), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_dataset =
    SX_OBJECT("Dataset", ACL_SX_STRIP, sx_dataset_members, NULL);
const struct acl_sx_type acl_sx_dataset = {.kind = ACL_SX_OBJECT,
                                           .obj = &sx_dataset};

/* ---- Capacity providers (strip; EC2 parts passthrough) ---------------- */

static const struct acl_sx_member sx_instance_req_members[] = {
    {"allowedInstanceTypes", SX_ARR_LEN(SX_STR_LEN(1, 255), 1, 30), ACL_SX_REQ,
     0},
};
static const struct acl_sx_object sx_instance_req = SX_OBJECT(
    "InstanceRequirements", ACL_SX_STRIP, sx_instance_req_members, NULL);
static const struct acl_sx_member sx_launch_params_members[] = {
    {"operatingSystem", SX_ENUM("LINUX_X86_64", "LINUX_ARM64"), ACL_SX_REQ, 0},
    {"instanceRequirements", SX_OBJ(&sx_instance_req), ACL_SX_REQ, 0},
    {"instanceProfileArn", SX_STR_PAT(ACL_PAT_INSTANCE_PROFILE_ARN), ACL_SX_OPT,
     0},
};
static const struct acl_sx_object sx_launch_params = SX_OBJECT(
    "LaunchParameters", ACL_SX_PASSTHROUGH, sx_launch_params_members, NULL);
static const struct acl_sx_member sx_launch_source_members[] = {
    {"launchParameters", SX_OBJ(&sx_launch_params), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_launch_source = SX_OBJECT(
    "LaunchTemplateSource", ACL_SX_STRIP, sx_launch_source_members, NULL);
static const struct acl_sx_member sx_cp_vpc_members[] = {
    {"subnets", SX_ARR_LEN(SX_STR_PAT(ACL_PAT_CP_SUBNET), 1, 16), ACL_SX_REQ,
     0},
    {"securityGroups", SX_ARR_LEN(SX_STR_PAT(ACL_PAT_CP_SG), 1, 16), ACL_SX_REQ,
     0},
};
static const struct acl_sx_object sx_cp_vpc =
    SX_OBJECT("VpcConfiguration", ACL_SX_STRIP, sx_cp_vpc_members, NULL);
static const struct acl_sx_member sx_ebs_members[] = {
    {"name", SX_STR_LEN_PAT(1, 48, ACL_PAT_KB_NAME), ACL_SX_REQ, 0},
    {"sizeGiB", SX_INT_RANGE(1, 65536), ACL_SX_REQ, 0},
    {"volumeType",
     SX_ENUM("standard", "io1", "io2", "gp2", "sc1", "st1", "gp3"), ACL_SX_OPT,
     0},
    {"encrypted", SX_BOOL, ACL_SX_OPT, 0},
    {"kmsKeyId", SX_STR_PAT(ACL_PAT_EBS_KMS_ARN), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_ebs = SX_OBJECT(
    "EbsVolumeConfiguration", ACL_SX_PASSTHROUGH, sx_ebs_members, NULL);
static const struct acl_sx_member sx_volume_members[] = {
    {"ebsConfiguration", SX_OBJ(&sx_ebs), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_volume =
    SX_OBJECT("VolumeConfiguration", ACL_SX_STRIP, sx_volume_members, NULL);
static const struct acl_sx_member sx_instance_life_members[] = {
    {"idleInstanceTimeout", SX_INT_RANGE(60, 1209600), ACL_SX_OPT, 0},
    {"maxLifetime", SX_INT_RANGE(60, 1209600), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_instance_life =
    SX_OBJECT("InstanceLifecycleConfiguration", ACL_SX_STRIP,
              sx_instance_life_members, NULL);
static const struct acl_sx_member sx_ec2_members[] = {
    {"launchTemplateSource", SX_OBJ(&sx_launch_source), ACL_SX_REQ, 0},
    {"vpcConfiguration", SX_OBJ(&sx_cp_vpc), ACL_SX_REQ, 0},
    {"volumes", SX_ARR_MAX(SX_OBJ(&sx_volume), 5), ACL_SX_OPT, 0},
    {"lifecycleConfiguration", SX_OBJ(&sx_instance_life), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_ec2 =
    SX_OBJECT("Ec2Configuration", ACL_SX_PASSTHROUGH, sx_ec2_members, NULL);
static const struct acl_sx_member sx_compute_members[] = {
    {"ec2Configuration", SX_OBJ(&sx_ec2), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_compute =
    SX_OBJECT("ComputeConfiguration", ACL_SX_STRIP, sx_compute_members, NULL);

static const struct acl_sx_member sx_cp_members[] = {
    {"name", &acl_sx_name48, ACL_SX_REQ, 0},
    {"description", SX_STR_LEN(1, 4096), ACL_SX_OPT, 0},
    {"operatorRoleArn", SX_STR_LEN_PAT(1, 2048, ACL_PAT_CP_ROLE_ARN),
     ACL_SX_OPT, 0},
    {"computeConfiguration", SX_OBJ(&sx_compute), ACL_SX_REQ, 0},
    {"tags", &acl_sx_tags, ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_cp =
    SX_OBJECT("CapacityProvider", ACL_SX_STRIP, sx_cp_members, NULL);
const struct acl_sx_type acl_sx_capacity_provider = {.kind = ACL_SX_OBJECT,
                                                     .obj = &sx_cp};

/* ---- Payment managers (strip) ----------------------------------------- */

static const struct acl_sx_type sx_connector_name = {.kind = ACL_SX_STRING,
                                                     .flags = ACL_SX_MIN |
                                                              ACL_SX_MAX,
                                                     .min = 1,
                                                     .max = 48,
                                                     .pattern = ACL_PAT_NAME48};

static const struct acl_sx_member sx_quick_members[] = {
    {"name", &sx_connector_name, ACL_SX_REQ, 0},
    {"provider", SX_ENUM("CoinbaseCDP"), ACL_SX_REQ, 0},
    {"provisionMode", SX_ENUM("QUICK_CREATE"), ACL_SX_REQ, 0},
    {"credentialName", SX_NEVER, ACL_SX_OPT, 0},
};
static const struct acl_sx_member sx_manual_members[] = {
    {"name", &sx_connector_name, ACL_SX_REQ, 0},
    {"provider", SX_ENUM("CoinbaseCDP", "StripePrivy"), ACL_SX_DEF,
     "\"CoinbaseCDP\""},
    {"provisionMode", SX_ENUM("MANUAL"), ACL_SX_OPT, 0},
    {"credentialName", SX_STR_MIN(1), ACL_SX_REQ, 0},
};
static const struct acl_sx_object sx_quick = SX_OBJECT(
    "QuickCreatePaymentConnector", ACL_SX_STRIP, sx_quick_members, NULL);
static const struct acl_sx_object sx_manual =
    SX_OBJECT("ManualPaymentConnector", ACL_SX_STRIP, sx_manual_members, NULL);

static const struct acl_sx_member sx_pay_jwt_members[] = {
    {"discoveryUrl", SX_URL, ACL_SX_REQ, 0},
    {"allowedClients", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"allowedAudience", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"allowedScopes", SX_ARR(SX_STR), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_pay_jwt =
    SX_OBJECT("customJWTAuthorizer", ACL_SX_STRIP, sx_pay_jwt_members, NULL);
static const struct acl_sx_member sx_pay_auth_members[] = {
    {"customJWTAuthorizer", SX_OBJ(&sx_pay_jwt), ACL_SX_REQ, 0}};
static const struct acl_sx_object sx_pay_auth = SX_OBJECT(
    "PaymentAuthorizerConfiguration", ACL_SX_STRIP, sx_pay_auth_members, NULL);

static const struct acl_sx_member sx_payment_members[] = {
    {"name", SX_STR_LEN_PAT(1, 48, ACL_PAT_PAYMENT_NAME), ACL_SX_REQ, 0},
    {"authorizerType", SX_ENUM("AWS_IAM", "CUSTOM_JWT"), ACL_SX_DEF,
     "\"AWS_IAM\""},
    {"authorizerConfiguration", SX_OBJ(&sx_pay_auth), ACL_SX_OPT, 0},
    {"connectors",
     SX_ARR(SX_T(.kind = ACL_SX_UNION,
                 .options = SX_OPTIONS(SX_OBJ(&sx_quick), SX_OBJ(&sx_manual)),
                 .noptions = 2,
                 .desc =
                     "{name, provider: \"CoinbaseCDP\", provisionMode: "
                     "\"QUICK_CREATE\"} or {name, provider?, provisionMode?: "
                     "\"MANUAL\", credentialName}")),
     ACL_SX_DEF, "[]"},
    {"description", SX_STR, ACL_SX_OPT, 0},
    {"autoPayment", SX_BOOL, ACL_SX_DEF, "true"},
    {"defaultSpendLimit", SX_STR, ACL_SX_DEF, "\"10.00\""},
    {"paymentToolAllowlist", SX_ARR(SX_STR), ACL_SX_OPT, 0},
    {"networkPreferences", SX_ARR(SX_STR), ACL_SX_OPT, 0},
};
static const struct acl_sx_object sx_payment = SX_OBJECT(
    "PaymentManager", ACL_SX_STRIP, sx_payment_members, acl_sx_rule_payment);
const struct acl_sx_type acl_sx_payment_manager = {.kind = ACL_SX_OBJECT,
                                                   .obj = &sx_payment};
