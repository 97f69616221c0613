namespace Qedu.Organisation.Resources;

/// <summary>Marker for the organisation module's strings (OrgText.resx: Chinese; OrgText.en.resx: English).</summary>
public sealed class OrgText;
