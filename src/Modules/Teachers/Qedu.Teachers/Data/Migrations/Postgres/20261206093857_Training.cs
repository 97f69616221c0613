using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "training_hours",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    course_id = table.Column<long>(type: "bigint", nullable: true),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    hours = table.Column<double>(type: "double precision", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_hours", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_providers",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    owner_unit_id = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_courses",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    provider_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    hours = table.Column<double>(type: "double precision", nullable: false),
                    sessions = table.Column<int>(type: "integer", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    owner_unit_id = table.Column<int>(type: "integer", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_courses_training_providers_provider_id",
                        column: x => x.provider_id,
                        principalSchema: "teachers",
                        principalTable: "training_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_enrolments",
                schema: "teachers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    course_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    sessions_attended = table.Column<int>(type: "integer", nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    enrolled_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_enrolments_training_courses_course_id",
                        column: x => x.course_id,
                        principalSchema: "teachers",
                        principalTable: "training_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_training_courses_code",
                schema: "teachers",
                table: "training_courses",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_courses_provider_id",
                schema: "teachers",
                table: "training_courses",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_courses_starts_on",
                schema: "teachers",
                table: "training_courses",
                column: "starts_on");

            migrationBuilder.CreateIndex(
                name: "ix_training_enrolments_course_id_staff_id",
                schema: "teachers",
                table: "training_enrolments",
                columns: new[] { "course_id", "staff_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_enrolments_staff_id",
                schema: "teachers",
                table: "training_enrolments",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_hours_org_unit_id_completed_on",
                schema: "teachers",
                table: "training_hours",
                columns: new[] { "org_unit_id", "completed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_training_hours_staff_id_course_id",
                schema: "teachers",
                table: "training_hours",
                columns: new[] { "staff_id", "course_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_providers_code",
                schema: "teachers",
                table: "training_providers",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_enrolments",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "training_hours",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "training_courses",
                schema: "teachers");

            migrationBuilder.DropTable(
                name: "training_providers",
                schema: "teachers");
        }
    }
}
