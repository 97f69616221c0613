namespace Qedu.Plans.Features.Export;

/// <summary>Marker for the exports' messages (PlanExportText.resx: Chinese; PlanExportText.en.resx: English).</summary>
public sealed class PlanExportText;
