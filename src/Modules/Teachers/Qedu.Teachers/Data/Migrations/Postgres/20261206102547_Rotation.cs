using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Rotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rotation_moves",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    to_school_id = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    backbone = table.Column<bool>(type: "boolean", nullable: false),
                    urban_to_rural = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rotation_moves", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rotation_moves_district_id_year",
                schema: "teachers",
                table: "rotation_moves",
                columns: new[] { "district_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_rotation_moves_staff_id_year",
                schema: "teachers",
                table: "rotation_moves",
                columns: new[] { "staff_id", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rotation_moves",
                schema: "teachers");
        }
    }
}
