using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Communities;

internal sealed class StreetOfficeConfiguration : IEntityTypeConfiguration<StreetOffice>
{
    public void Configure(EntityTypeBuilder<StreetOffice> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(StreetOffice.NameMaxLength).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(StreetOffice.TextMaxLength);
        builder.Property(s => s.Phone).HasMaxLength(StreetOffice.TextMaxLength);
        builder.Property(s => s.OpeningHours).HasMaxLength(StreetOffice.TextMaxLength);
    }
}
