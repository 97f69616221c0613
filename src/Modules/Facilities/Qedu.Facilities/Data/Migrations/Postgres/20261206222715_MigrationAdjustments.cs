using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Facilities.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MigrationAdjustments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "migration",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    zone_id = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    children = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_migration", x => x.id);
                    table.ForeignKey(
                        name: "fk_migration_zones_zone_id",
                        column: x => x.zone_id,
                        principalSchema: "facilities",
                        principalTable: "zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_migration_org_unit_id",
                schema: "facilities",
                table: "migration",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_migration_zone_id_year_grade",
                schema: "facilities",
                table: "migration",
                columns: new[] { "zone_id", "year", "grade" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "migration",
                schema: "facilities");
        }
    }
}
