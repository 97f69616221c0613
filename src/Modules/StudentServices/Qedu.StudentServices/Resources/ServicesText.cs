namespace Qedu.StudentServices.Resources;

/// <summary>Marker for the student services' messages (ServicesText.resx: Chinese; ServicesText.en.resx: English).</summary>
public sealed class ServicesText;
