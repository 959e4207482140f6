using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Tests.Access;

public sealed class PlanSettingsTests
{
    [Fact]
    public void Families_are_read_by_name_in_any_case_and_none_means_all()
    {
        var settings = new PlanSettings { RequestsPerSecond = 5, Burst = 10, MonthlyQuota = 1000 };
        settings.Families.AddRange(["carsxe", "OneAuto"]);

        var plan = settings.ToPlan("trial");

        Assert.Equal(new Plan("trial", 5, 10, 1000, plan.Families), plan);
        Assert.Equal([ApiFamily.CarsXe, ApiFamily.OneAuto], plan.Families.Order());
        Assert.Equal(Enum.GetValues<ApiFamily>(), new PlanSettings().ToPlan("all").Families.Order());
    }

    [Theory]
    [InlineData(0, 10, 0, null)]
    [InlineData(5, 0, 0, null)]
    [InlineData(5, 10, -1, null)]
    [InlineData(5, 10, 0, "Carsxe2")]
    public void Unusable_settings_are_refused_with_the_plan_named(double rate, int burst, long quota, string? family)
    {
        var settings = new PlanSettings { RequestsPerSecond = rate, Burst = burst, MonthlyQuota = quota };
        if (family is not null)
        {
            settings.Families.Add(family);
        }

        Assert.Contains("Plan 'bad'", Assert.Throws<InvalidOperationException>(() => settings.ToPlan("bad")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_book_always_has_a_default_plan_and_keeps_its_plans_when_an_update_is_unusable()
    {
        var options = new AccessOptions();
        options.Plans["Trial"] = new PlanSettings { RequestsPerSecond = 1, Burst = 1 };
        var book = new PlanBook(options);

        Assert.NotNull(book.Find("default"));
        Assert.Equal("Trial", book.Find("trial")!.Name);

        var broken = new AccessOptions();
        broken.Plans["trial"] = new PlanSettings { Burst = 0 };
        Assert.Throws<InvalidOperationException>(() => book.Update(broken));
        Assert.Equal(1, book.Find("trial")!.Burst);
    }
}
