'use server';

// Users: accounts, roles and passwords (admins only, checked in lib/users.ts; your own password, any role).
import { revalidatePath } from 'next/cache';
import { isRole } from '@/lib/auth/roles';
import { publicMessage } from '@/lib/errors';
import { changeOwnPassword, createUser, removeUser, resetUserPassword, setUserRole } from '@/lib/users';
import { isForm, UNREADABLE } from './form-input';

export interface UserFormState {
  message?: string;
  ok?: boolean;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export async function createUserAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  if (!isForm(form)) return { message: UNREADABLE };
  const values = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    role: String(form.get('role') ?? ''),
  };
  try {
    const result = await createUser({ ...values, password: String(form.get('password') ?? '') });
    if (!result.ok)
      return { message: 'Please correct the fields marked below.', fieldErrors: result.fieldErrors, values };
    revalidatePath('/admin/users');
    return { ok: true, message: `Account created for ${values.email}.` };
  } catch (error) {
    return { message: publicMessage(error, 'create user'), values };
  }
}

export async function userRoleAction(userId: string, _previous: UserFormState, form: FormData): Promise<UserFormState> {
  if (typeof userId !== 'string' || !isForm(form)) return { message: UNREADABLE };
  const role = String(form.get('role') ?? '');
  try {
    if (form.get('intent') === 'remove') await removeUser(userId);
    else if (form.get('intent') === 'reset-password') {
      const result = await resetUserPassword(userId, form.get('password'));
      if (!result.ok)
        return { message: result.fieldErrors.password ?? 'Check the password.', fieldErrors: result.fieldErrors };
      return { ok: true, message: 'Password set; their sessions have ended.' };
    } else if (isRole(role)) await setUserRole(userId, role);
    else return { message: 'Choose a role.' };
    revalidatePath('/admin/users');
    return { ok: true, message: 'Done.' };
  } catch (error) {
    return { message: publicMessage(error, 'change user') };
  }
}

/** A signed-in user changes their own password (the current one required); their other sessions end. */
export async function changePasswordAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  if (!isForm(form)) return { message: UNREADABLE };
  try {
    const result = await changeOwnPassword({
      currentPassword: form.get('currentPassword'),
      newPassword: form.get('newPassword'),
      confirmPassword: form.get('confirmPassword'),
    });
    if (!result.ok) return { message: 'Your password was not changed.', fieldErrors: result.fieldErrors };
    return { ok: true, message: 'Your password is changed; your other sessions have ended.' };
  } catch (error) {
    return { message: publicMessage(error, 'change password') };
  }
}
