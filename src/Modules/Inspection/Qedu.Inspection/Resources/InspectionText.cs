namespace Qedu.Inspection.Resources;

/// <summary>Marker for the inspection module's messages (InspectionText.resx: Chinese; InspectionText.en.resx: English).</summary>
public sealed class InspectionText;
