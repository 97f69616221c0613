namespace Qedu.Teachers.Resources;

/// <summary>Marker for the teachers' messages (TeachersText.resx: Chinese; TeachersText.en.resx: English).</summary>
public sealed class TeachersText;
