// Names for account handles and officials.

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Chris', 'Karen', 'Daniel', 'Lisa', 'Matt',
  'Nancy', 'Mark', 'Betty', 'Steve', 'Sandra', 'Paul', 'Ashley', 'Andrew', 'Emily', 'Josh', 'Donna', 'Kevin',
  'Michelle', 'Brian', 'Carol', 'George', 'Amanda', 'Tim', 'Melissa', 'Ryan', 'Deb', 'Jason', 'Stephanie', 'Eric',
  'Rebecca', 'Jake', 'Laura', 'Gary', 'Sharon', 'Nick', 'Cynthia', 'Jon', 'Kathleen', 'Ray', 'Amy', 'Sam', 'Angela',
  'Luis', 'Maria', 'Ahmed', 'Priya', 'Wei', 'Mei', 'Tomas', 'Ana', 'Dmitri', 'Olga', 'Kwame', 'Aisha', 'Elijah', 'Amelia',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera',
  'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Ortiz', 'Whitfield', 'Nakamura', 'Brennan', 'Okafor', 'Delgado',
  'Hughes', 'Kowalski', 'Lindqvist', 'Moreau', 'Patel', 'Sullivan', 'Chen', 'Abernathy', 'Reyes', 'Fischer', 'Grant', 'Haddad',
];

export const HANDLE_WORDS = [
  'river', 'oak', 'maple', 'dad', 'mom', 'runner', 'cyclist', 'skeptic', 'voter', 'local', 'taxpayer', 'lake', 'pine',
  'hawk', 'fox', 'oldguy', 'blue', 'red', 'sunny', 'coffee', 'dog', 'cat', 'bike', 'fish', 'hiker', 'citizen', 'reader',
  'grumpy', 'honest', 'quiet', 'buckeye', 'thinker', 'teacher', 'nurse', 'retired', 'harbor', 'north', 'south',
];

export const FIRST_LOWER = FIRST_NAMES.map((n) => n.toLowerCase());
export const LAST_LOWER = LAST_NAMES.map((n) => n.toLowerCase());
export const SURNAME = `[${LAST_NAMES.join('|')}]`;
