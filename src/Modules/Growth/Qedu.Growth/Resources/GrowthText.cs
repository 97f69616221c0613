namespace Qedu.Growth.Resources;

/// <summary>Marker for the growth module's messages (GrowthText.resx: Chinese; GrowthText.en.resx: English).</summary>
public sealed class GrowthText;
