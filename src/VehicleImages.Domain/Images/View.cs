namespace VehicleImages.Domain.Images;

/// <summary>
/// Which way the camera looks at the vehicle. Values 1–12 are OneAuto's view indexes; the three unhanded
/// values hold a source's "three-quarter" or "side" when it did not say which side.
/// </summary>
public enum View
{
    Unknown = 0,
    Front = 1,
    FrontRight = 2,
    Right = 3,
    RearRight = 4,
    Rear = 5,
    RearLeft = 6,
    Left = 7,
    FrontLeft = 8,
    Interior = 10,
    Interior2 = 11,
    Interior3 = 12,
    Engine = 13,
    FrontThreeQuarter = 20,
    Side = 21,
    RearThreeQuarter = 22,
}
