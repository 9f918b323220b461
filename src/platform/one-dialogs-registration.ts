import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface RegistrationModule {
  DialogsComponentRegistration: new () => object;
}

let installed = false;

/**
 * One DialogsComponentRegistration in the process. botbuilder-dialogs builds a new one (a service
 * collection holding the factory of every memory scope and path resolver) for each
 * DialogStateManager, so for each DialogContext, and it makes a DialogContext again each time a
 * dialog's child context is read: about 30 a turn, each put in the same slot of
 * ComponentRegistration (by class name) as the one before and the same as it. The module's class
 * is given a constructor that builds one and then hands out that instance (`new` gives the object
 * a constructor returns). Each turn still makes its own memory scopes from it, as before. Called
 * by the composition root; a second call changes nothing.
 */
export function shareDialogsRegistration(): void {
  if (installed) return;
  installed = true;
  const registration: RegistrationModule = require('botbuilder-dialogs/lib/dialogsComponentRegistration.js');
  const Original = registration.DialogsComponentRegistration;
  let shared: object | undefined;
  function SharedRegistration(): object {
    shared ??= new Original();
    return shared;
  }
  SharedRegistration.prototype = Original.prototype;
  registration.DialogsComponentRegistration =
    SharedRegistration as unknown as RegistrationModule['DialogsComponentRegistration'];
}
