using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HomeTeaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "home_teaching_plans",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<byte[]>(type: "bytea", nullable: false),
                    teachers = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    visits_per_month = table.Column<int>(type: "integer", nullable: false),
                    hours_per_visit = table.Column<double>(type: "double precision", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_home_teaching_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "home_teaching_visits",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plan_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    teachers = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hours = table.Column<double>(type: "double precision", nullable: false),
                    content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_home_teaching_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_home_teaching_visits_home_teaching_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "growth",
                        principalTable: "home_teaching_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_home_teaching_plans_org_unit_id",
                schema: "growth",
                table: "home_teaching_plans",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_home_teaching_plans_student_id",
                schema: "growth",
                table: "home_teaching_plans",
                column: "student_id",
                unique: true,
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_home_teaching_visits_plan_id_day",
                schema: "growth",
                table: "home_teaching_visits",
                columns: new[] { "plan_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "home_teaching_visits",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "home_teaching_plans",
                schema: "growth");
        }
    }
}
