"""Salesforce receivers: Outbound Messages (SOAP) and our Apex's signed JSON callouts."""
