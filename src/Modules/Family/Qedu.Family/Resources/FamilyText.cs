namespace Qedu.Family.Resources;

/// <summary>Marker for the family module's messages (FamilyText.resx: Chinese; FamilyText.en.resx: English).</summary>
public sealed class FamilyText;
