"""The SFDX package validates against its own checks: well-formed metadata, package.xml in step
with the tree, and every field the app writes present (manifests/salesforce)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from defusedxml import ElementTree

from integrations.salesforce import constants, mapping

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "manifests" / "salesforce"
SRC = PKG / "force-app" / "main" / "default"
LWC = ROOT / "ui_extensions" / "salesforce" / "force-app" / "main" / "default" / "lwc"
MD = "{http://soap.sforce.com/2006/04/metadata}"
XML_FILES = sorted([*PKG.rglob("*-meta.xml"), PKG / "manifest" / "package.xml", *LWC.rglob("*-meta.xml")])

FOLDER_TYPES = {
    "classes": ("ApexClass", ".cls"), "triggers": ("ApexTrigger", ".trigger"),
    "externalClientApps": ("ExternalClientApplication", ".eca-meta.xml"),
    "extlClntAppOauthSettings": ("ExtlClntAppOauthSettings", ".ecaOauth-meta.xml"),
    "externalCredentials": ("ExternalCredential", ".externalCredential-meta.xml"),
    "namedCredentials": ("NamedCredential", ".namedCredential-meta.xml"), "flows": ("Flow", ".flow-meta.xml"),
    "permissionsets": ("PermissionSet", ".permissionset-meta.xml"),
    "platformEventChannelMembers": ("PlatformEventChannelMember", ".platformEventChannelMember-meta.xml"),
    "customPermissions": ("CustomPermission", ".customPermission-meta.xml"),
}


def package_members() -> dict[str, set[str]]:
    root = ElementTree.parse(PKG / "manifest" / "package.xml").getroot()
    return {t.findtext(f"{MD}name"): {m.text for m in t.findall(f"{MD}members")} for t in root.findall(f"{MD}types")}


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_metadata_file_is_well_formed_in_the_metadata_namespace(path: Path) -> None:
    root = ElementTree.parse(path, forbid_dtd=True).getroot()
    assert root.tag.startswith(MD), f"{path.name}: root {root.tag} is not in the Metadata API namespace"


def test_every_component_in_the_tree_is_in_package_xml_and_back() -> None:
    members = package_members()
    for folder, (mtype, suffix) in FOLDER_TYPES.items():
        found = {p.name[: -len(suffix)] for p in (SRC / folder).glob(f"*{suffix}")}
        assert found, f"no {mtype} in {folder}/"
        assert found == members.get(mtype, set()), f"{mtype}: tree {sorted(found)} vs package.xml"
    fields = {f"{p.parent.parent.name}.{p.name.removesuffix('.field-meta.xml')}"
              for p in SRC.glob("objects/*/fields/*.field-meta.xml")}
    assert fields == members["CustomField"]


def test_apex_classes_and_triggers_each_have_their_meta_file_and_tests_exist() -> None:
    for code in [*SRC.glob("classes/*.cls"), *SRC.glob("triggers/*.trigger")]:
        assert code.with_name(code.name + "-meta.xml").exists(), code.name
    tests = [p for p in SRC.glob("classes/*.cls") if "@IsTest" in p.read_text()]
    assert len(tests) >= 3


def test_every_field_the_app_writes_is_in_the_package_with_the_same_name() -> None:
    members = package_members()["CustomField"]
    for out in mapping.output_fields():
        sobject = constants.SOBJECTS[out.object_type]
        assert f"{sobject}.{out.name}" in members, f"{sobject}.{out.name} missing from the package"
        field = ElementTree.parse(SRC / "objects" / sobject / "fields" / f"{out.name}.field-meta.xml").getroot()
        assert field.findtext(f"{MD}fullName") == out.name
    assert f"Activity.{constants.IDEMPOTENCY_FIELD}" in members


def test_the_sandbox_and_the_package_agree_on_every_output_field() -> None:
    from integrations.sandbox.salesforce_api import schema

    assert {api for api, *_ in schema.OUTPUT_FIELDS.values()} == set(mapping.output_field_names())


def test_the_outbound_message_sends_no_session_id_and_the_flow_calls_it() -> None:
    wf = ElementTree.parse(SRC / "workflows" / "Opportunity.workflow-meta.xml").getroot()
    om = wf.find(f"{MD}outboundMessages")
    assert om is not None and om.findtext(f"{MD}includeSessionId") == "false"
    assert "/webhooks/salesforce/outbound/" in (om.findtext(f"{MD}endpointUrl") or "")
    flow = (SRC / "flows" / "Agentic_Sales_Opportunity_Changed.flow-meta.xml").read_text()
    assert f"Opportunity.{om.findtext(f'{MD}fullName')}" in flow and "<actionType>outboundMessage" in flow


def test_api_versions_are_pinned_to_the_adapters() -> None:
    project = json.loads((PKG / "sfdx-project.json").read_text())
    assert project["sourceApiVersion"] == constants.API_VERSION
    for meta in [*SRC.rglob("*.cls-meta.xml"), *SRC.rglob("*.trigger-meta.xml"), *LWC.rglob("*.js-meta.xml")]:
        assert re.search(rf"<apiVersion>{re.escape(constants.API_VERSION)}</apiVersion>", meta.read_text()), meta


def test_the_lwc_is_exposed_on_record_pages_of_the_three_objects() -> None:
    meta = ElementTree.parse(LWC / "agenticSalesCard" / "agenticSalesCard.js-meta.xml").getroot()
    assert meta.findtext(f"{MD}isExposed") == "true"
    assert [t.text for t in meta.iter(f"{MD}target")] == ["lightning__RecordPage"]
    assert {o.text for o in meta.iter(f"{MD}object")} == {"Opportunity", "Lead", "Account"}
    js = (LWC / "agenticSalesCard" / "agenticSalesCard.js").read_text()
    assert "@api recordId" in js


def test_every_card_method_checks_the_users_own_access_to_the_record_before_the_signed_callout() -> None:
    # The callout is signed with the org's secret: the app then serves any record it names, so
    # Salesforce sharing is enforced only if the Apex asks before calling (Apex cannot run here;
    # this reads the class as the packaging review would).
    source = (SRC / "classes" / "AgenticSalesCardController.cls").read_text()
    assert re.search(r"FROM UserRecordAccess\s+WHERE UserId = :UserInfo\.getUserId\(\) AND RecordId = :recordId",
                     source)
    methods = re.findall(r"@AuraEnabled\s+public static \w+ (\w+)\(([^)]*)\)\s*\{(.*?)\n    \}", source, re.S)
    assert {name for name, _, _ in methods} == {"getCard", "sendFeedback"}
    for name, params, body in methods:
        assert "Id recordId" in params, name
        check, callout = body.find("requireReadAccess(recordId);"), body.find("call(")
        assert 0 <= check < callout, f"{name} calls the app before checking the user's access to the record"
