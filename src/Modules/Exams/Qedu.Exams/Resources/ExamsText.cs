namespace Qedu.Exams.Resources;

/// <summary>Marker for the exams' messages (ExamsText.resx: Chinese; ExamsText.en.resx: English).</summary>
public sealed class ExamsText;
