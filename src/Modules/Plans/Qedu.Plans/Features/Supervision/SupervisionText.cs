namespace Qedu.Plans.Features.Supervision;

/// <summary>Marker for the supervision strings (SupervisionText.resx: Chinese; SupervisionText.en.resx: English).</summary>
public sealed class SupervisionText;
