namespace Qedu.Facilities.Resources;

/// <summary>Marker for the facilities module's messages (FacilitiesText.resx: Chinese; FacilitiesText.en.resx: English).</summary>
public sealed class FacilitiesText;
