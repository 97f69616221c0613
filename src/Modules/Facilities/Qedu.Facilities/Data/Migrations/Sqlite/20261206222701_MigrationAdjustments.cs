using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Facilities.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MigrationAdjustments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "facilities_migration",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    zone_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: false),
                    children = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_migration", x => x.id);
                    table.ForeignKey(
                        name: "fk_facilities_migration_facilities_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "facilities_zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_facilities_migration_org_unit_id",
                table: "facilities_migration",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_migration_zone_id_year_grade",
                table: "facilities_migration",
                columns: new[] { "zone_id", "year", "grade" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "facilities_migration");
        }
    }
}
