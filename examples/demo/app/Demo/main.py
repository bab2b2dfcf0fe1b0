import os

GATEWAY_URL = os.environ.get("AGENTCORE_GATEWAY_DEMO_GW_URL")


def handler(event, context):
    return {"gateway": GATEWAY_URL}
