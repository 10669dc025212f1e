// Roles, from least to most trusted. Pure: used by pages to decide what to show, and by the
// data-access layer to decide what to allow.
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `needed`: an admin may do what an editor may, and so on. */
export function hasRole(role: string | null | undefined, needed: Role): boolean {
  return isRole(role) && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'sees the admin pages and private exports; changes nothing',
  editor: 'changes data',
  admin: 'changes data and manages users',
};
