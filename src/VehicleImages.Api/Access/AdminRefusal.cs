using Microsoft.AspNetCore.Http;

namespace VehicleImages.Api.Access;

/// <summary>How the admin surface says no: 401 (no or ended credentials), 403 (not an admin, or a forged request) or 429.</summary>
internal delegate IResult AdminRefusal(HttpContext context, int status, string detail);
