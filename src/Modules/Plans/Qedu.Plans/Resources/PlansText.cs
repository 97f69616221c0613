namespace Qedu.Plans.Resources;

/// <summary>Marker for the plans module's strings (PlansText.resx: Chinese; PlansText.en.resx: English).</summary>
public sealed class PlansText;
