namespace Qedu.Surveys.Resources;

/// <summary>Marker for the surveys' messages (SurveysText.resx: Chinese; SurveysText.en.resx: English).</summary>
public sealed class SurveysText;
